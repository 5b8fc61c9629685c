namespace Workspace.Server.Domain;

/// <summary>What the event is about: a kind of object and its identifier.</summary>
public sealed record Subject(string Kind, string Id);

/// <summary>
/// Who may see an event. The secretariat sees every event but an agency's internal ones; everyone else sees an
/// event when the audience is everyone or names their agency.
/// </summary>
public sealed record Audience
{
    public static readonly Audience Everyone = new(true, [], false);

    private Audience(bool everyone, IReadOnlyList<string> agencyCodes, bool isInternal)
    {
        IsEveryone = everyone;
        AgencyCodes = agencyCodes;
        IsInternal = isInternal;
    }

    public bool IsEveryone { get; }

    public IReadOnlyList<string> AgencyCodes { get; }

    /// <summary>An agency's own business (its internal clearance): the secretariat does not see it unless it is that agency.</summary>
    public bool IsInternal { get; }

    public static Audience Agencies(IEnumerable<string> codes) =>
        new(false, [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], false);

    public static Audience InternalTo(string agencyCode) => new(false, [agencyCode], true);
}

/// <summary>
/// The data of one kind of event, as a record: its wire name declared once, beside its fields, so that whoever
/// raises it and whoever follows it share one type (<see cref="DomainEvent.Of{TData}"/>; the log reads it back
/// with <c>EventRecord.Is</c> and <c>Read</c>).
/// </summary>
public interface IEventData
{
    /// <summary>The event's type in the log and on the wire, e.g. <c>paper.round-opened</c>.</summary>
    static abstract string Type { get; }
}

/// <summary>A change to the group's state, appended to the event log in the same transaction as the change.</summary>
/// <param name="Notice">When people should be told in their notifications, what and which agencies.</param>
public sealed record DomainEvent(string Type, Subject Subject, Audience Audience, object Data, Notice? Notice = null)
{
    /// <summary>An event of a typed kind: its type is the one <typeparamref name="TData"/> declares.</summary>
    public static DomainEvent Of<TData>(TData data, Subject subject, Audience audience, Notice? notice = null)
        where TData : IEventData => new(TData.Type, subject, audience, data, notice);

    /// <summary>Who acted, as the log records it: an address, or <c>system</c> for the server's own timed work.</summary>
    public string Actor { get; init; } = Domain.Actor.System.Email;
}

/// <summary>
/// An in-app notification for every person of the named agencies, but those excluded by address; when
/// <paramref name="OnlyEmails"/> is given, for those of them alone.
/// </summary>
public sealed record Notice(string Kind, string Text, IReadOnlyList<string> AgencyCodes, IReadOnlyList<string>? ExceptEmails = null,
    IReadOnlyList<string>? OnlyEmails = null);

/// <summary>Who acts: a person's address and the agency they act for.</summary>
public sealed record Actor(string Email, string AgencyCode)
{
    /// <summary>The person an alternate acts for, if any: records name both ("by X for Y").</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>Whether this actor may exercise what the people of <paramref name="emails"/> hold: they are one of them, or act as their alternate.</summary>
    public bool Holds(IEnumerable<string> emails) =>
        emails.Any(e => string.Equals(e, Email, StringComparison.OrdinalIgnoreCase) || string.Equals(e, OnBehalfOf, StringComparison.OrdinalIgnoreCase));

    /// <summary>The server itself: deadlines, reminders, start-up.</summary>
    public static readonly Actor System = new("system", "");
}

/// <summary>An aggregate that raises events as its methods change it.</summary>
public abstract class Aggregate
{
    private readonly List<DomainEvent> events = [];
    private Actor acting = Actor.System;

    public IReadOnlyList<DomainEvent> Events => events;

    /// <summary>Who the operation under way acts for: every event it raises names them.</summary>
    protected void ActAs(Actor by) => acting = by;

    protected void Raise(DomainEvent domainEvent) => events.Add(domainEvent with { Actor = acting.Email });

    public void ClearEvents() => events.Clear();
}
