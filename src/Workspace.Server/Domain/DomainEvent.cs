namespace Workspace.Server.Domain;

/// <summary>What the event is about: a kind of object and its identifier.</summary>
public sealed record Subject(string Kind, string Id);

/// <summary>
/// Who may see an event. The secretariat sees every event; everyone else sees an event when the
/// audience is everyone or names their agency.
/// </summary>
public sealed record Audience
{
    public static readonly Audience Everyone = new(true, []);

    private Audience(bool everyone, IReadOnlyList<string> agencyCodes)
    {
        IsEveryone = everyone;
        AgencyCodes = agencyCodes;
    }

    public bool IsEveryone { get; }

    public IReadOnlyList<string> AgencyCodes { get; }

    public static Audience Agencies(IEnumerable<string> codes) =>
        new(false, [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}

/// <summary>A change to the group's state, appended to the event log in the same transaction as the change.</summary>
/// <param name="Notice">When people should be told in their notifications, what and which agencies.</param>
public sealed record DomainEvent(string Type, Subject Subject, Audience Audience, object Data, Notice? Notice = null);

/// <summary>An in-app notification for every person of the named agencies, but those excluded by address.</summary>
public sealed record Notice(string Kind, string Text, IReadOnlyList<string> AgencyCodes, IReadOnlyList<string>? ExceptEmails = null);

/// <summary>Who acts: a person's address and the agency they act for.</summary>
public sealed record Actor(string Email, string AgencyCode);

/// <summary>An aggregate that raises events as its methods change it.</summary>
public abstract class Aggregate
{
    private readonly List<DomainEvent> events = [];

    public IReadOnlyList<DomainEvent> Events => events;

    protected void Raise(DomainEvent domainEvent) => events.Add(domainEvent);

    public void ClearEvents() => events.Clear();
}
