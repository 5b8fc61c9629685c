using System.Text.Json;

namespace Workspace.Server.Data;

public sealed record SubjectView(string Kind, string Id);

/// <summary>One event as clients see it, through <c>/api/events</c> and the hub.</summary>
public sealed record EventEnvelope(long Seq, string Type, DateTimeOffset OccurredAt, SubjectView Subject, string Actor, JsonElement Data)
{
    /// <summary>The event's data as <typeparamref name="TData"/> when it is of that kind.</summary>
    public bool TryRead<TData>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TData? data)
        where TData : IEventData
    {
        data = string.Equals(Type, TData.Type, StringComparison.Ordinal) ? Data.Deserialize<TData>(EventRecord.Json) : default;
        return data is not null;
    }

    public static EventEnvelope From(EventRecord e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new(e.Seq, e.Type, new DateTimeOffset(e.OccurredAt, TimeSpan.Zero), new SubjectView(e.SubjectKind, e.SubjectId), e.Actor, data.RootElement.Clone());
    }
}

internal static class EventVisibility
{
    /// <summary>The events a person may see, as a query of the log (<see cref="EventAudience"/> is the rule).</summary>
    public static IQueryable<EventRecord> VisibleTo(this IQueryable<EventRecord> events, bool isSecretariat, string agencyCode) =>
        events.Where(EventAudience.For(isSecretariat, agencyCode));
}
