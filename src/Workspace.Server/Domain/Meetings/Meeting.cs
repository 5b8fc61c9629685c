using System.Globalization;

namespace Workspace.Server.Domain.Meetings;

public enum MeetingKind
{
    Plenary,
    Heads,
    WorkingGroup,
}

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>Where a meeting is held: a venue (address, building, room) and a link to join online, either or both.</summary>
public sealed record MeetingPlace(string? Venue, string? OnlineUrl);

public enum RsvpResponse
{
    Accepted,
    Declined,
    Tentative,
}

/// <summary>
/// A meeting of the group: an instant and the organizer's time zone, a duration, the invited agencies, an
/// agenda and each person's answer. <see cref="Sequence"/> grows with every change calendar clients must
/// apply (reschedule, cancellation), as RFC 5545 expects.
/// </summary>
public sealed class Meeting : Aggregate
{
    private readonly List<AgendaItem> agenda = [];
    private readonly List<Rsvp> rsvps = [];

    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public MeetingKind Kind { get; private set; }

    public Guid? WorkingGroupId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    /// <summary>The organizer's IANA time zone, in which the meeting is described.</summary>
    public string TimeZone { get; private set; } = "";

    /// <summary>Where people meet: address, building, room; none for a meeting held online only.</summary>
    public string? Venue { get; private set; }

    /// <summary>The link to join online (https), for the invited only: never in a public surface.</summary>
    public string? OnlineUrl { get; private set; }

    /// <summary>Sorted, always including the organizer's agency.</summary>
    public List<string> InvitedAgencyCodes { get; private set; } = [];

    public string Organizer { get; private set; } = "";

    public string OrganizerAgencyCode { get; private set; } = "";

    public MeetingStatus Status { get; private set; }

    public int Sequence { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Whether the reminder before the meeting has gone out for the current start time.</summary>
    public bool Reminded { get; private set; }

    /// <summary>The paper of kind Minutes drafted for this meeting, if any.</summary>
    public Guid? MinutesPaperId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => agenda;

    public IReadOnlyList<Rsvp> Rsvps => rsvps;

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public bool IsInvited(string agencyCode) => InvitedAgencyCodes.Contains(agencyCode);

    private Subject Subject => new("meeting", Id.ToString());

    private Audience Invited => Audience.Agencies(InvitedAgencyCodes);

    public static Meeting Schedule(string title, MeetingKind kind, Guid? workingGroupId, DateTime startsAt, int durationMinutes, string timeZone,
        IEnumerable<string> invitedAgencyCodes, Actor organizer, DateTime now, MeetingPlace? place = null, IReadOnlyList<(string Title, string? PresenterAgencyCode)>? agenda = null)
    {
        EnsureFuture(startsAt, now);
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(),
            Title = title.Trim(),
            Kind = kind,
            WorkingGroupId = workingGroupId,
            StartsAt = startsAt,
            DurationMinutes = durationMinutes,
            TimeZone = timeZone,
            InvitedAgencyCodes = Invitees(invitedAgencyCodes, organizer),
            Organizer = organizer.Email,
            OrganizerAgencyCode = organizer.AgencyCode,
            Status = MeetingStatus.Scheduled,
            Sequence = 0,
            CreatedAt = now,
            Version = 1,
            Venue = Clean(place?.Venue),
            OnlineUrl = Clean(place?.OnlineUrl),
        };
        meeting.ActAs(organizer);
        meeting.Raise(DomainEvent.Of(new MeetingScheduled(meeting.Id, meeting.Title, meeting.Kind.ToString(), meeting.StartsAt.AsUtcInstant(), meeting.DurationMinutes,
                meeting.TimeZone, [.. meeting.InvitedAgencyCodes], meeting.Status.ToString(), meeting.Sequence), meeting.Subject, meeting.Invited,
            new Notice("meeting-scheduled", $"{meeting.Title}: {meeting.When()}. Your agency is invited.", [.. meeting.InvitedAgencyCodes])));
        foreach (var (itemTitle, presenter) in agenda ?? [])
        {
            meeting.AddAgendaItem(itemTitle, presenter, organizer, now);
        }

        return meeting;
    }

    /// <summary>Moves the meeting; a place not given stays as it was, an empty one is cleared.</summary>
    public void Reschedule(DateTime startsAt, int durationMinutes, string timeZone, Actor by, DateTime now, MeetingPlace? place = null)
    {
        ActAs(by);
        EnsureChangeable(now);
        EnsureFuture(startsAt, now);
        var before = When();
        StartsAt = startsAt;
        DurationMinutes = durationMinutes;
        TimeZone = timeZone;
        if (place?.Venue is { } venue)
        {
            Venue = Clean(venue);
        }

        if (place?.OnlineUrl is { } onlineUrl)
        {
            OnlineUrl = Clean(onlineUrl);
        }

        Sequence++;
        Reminded = false;
        Version++;
        Raise(DomainEvent.Of(new MeetingRescheduled(Id, Title, Kind.ToString(), StartsAt.AsUtcInstant(), DurationMinutes, TimeZone, [.. InvitedAgencyCodes],
                Status.ToString(), Sequence), Subject, Invited,
            new Notice("meeting-rescheduled", $"{Title} moved from {before} to {When()}.", [.. InvitedAgencyCodes])));
    }

    public void Cancel(Actor by, DateTime now)
    {
        ActAs(by);
        EnsureChangeable(now);
        Status = MeetingStatus.Cancelled;
        Sequence++;
        Version++;
        Raise(DomainEvent.Of(new MeetingCancelled(Id, Title, Kind.ToString(), StartsAt.AsUtcInstant(), DurationMinutes, TimeZone, [.. InvitedAgencyCodes],
                Status.ToString(), Sequence), Subject, Invited,
            new Notice("meeting-cancelled", $"{Title} ({When()}) is cancelled.", [.. InvitedAgencyCodes])));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public AgendaItem AddAgendaItem(string title, string? presenterAgencyCode, Actor by, DateTime now)
    {
        ActAs(by);
        EnsureChangeable(now);
        if (presenterAgencyCode is not null && !IsInvited(presenterAgencyCode))
        {
            throw new RuleBrokenException("presenter-not-invited", $"{presenterAgencyCode} is not invited to this meeting.");
        }

        var item = new AgendaItem(Id, agenda.Count == 0 ? 1 : agenda.Max(a => a.Position) + 1, title.Trim(), presenterAgencyCode);
        agenda.Add(item);
        Version++;
        Raise(DomainEvent.Of(new AgendaItemAdded(Id, item.Id, item.Title, presenterAgencyCode, item.Position), Subject, Invited));
        return item;
    }

    /// <summary>A person of an invited agency answers for themselves; a later answer replaces the earlier one.</summary>
    public Rsvp RecordRsvp(Actor person, RsvpResponse response, DateTime now)
    {
        ActAs(person);
        if (!IsInvited(person.AgencyCode))
        {
            throw new RuleBrokenException("not-invited", $"{person.AgencyCode} is not invited to this meeting.");
        }

        if (Status == MeetingStatus.Cancelled)
        {
            throw new RuleBrokenException("meeting-cancelled", "This meeting is cancelled.");
        }

        if (now >= EndsAt)
        {
            throw new RuleBrokenException("meeting-over", "This meeting is over.");
        }

        var rsvp = rsvps.SingleOrDefault(r => r.Email == person.Email);
        if (rsvp is null)
        {
            rsvp = new Rsvp(Id, person, response, now);
            rsvps.Add(rsvp);
        }
        else
        {
            rsvp.Change(response, now);
        }

        Version++;
        Raise(DomainEvent.Of(new RsvpRecorded(Id, person.AgencyCode, person.Email, response.ToString()), Subject, Invited));
        return rsvp;
    }

    /// <summary>Reminds everyone invited except those who declined, once per start time, when the moment has come.</summary>
    public bool RemindIfDue(DateTime now, TimeSpan before)
    {
        ActAs(Actor.System);
        if (Status != MeetingStatus.Scheduled || Reminded || now < StartsAt - before || now >= StartsAt)
        {
            return false;
        }

        Reminded = true;
        Version++;
        var declined = rsvps.Where(r => r.Response == RsvpResponse.Declined).Select(r => r.Email).ToList();
        Raise(DomainEvent.Of(new MeetingReminded(Id, StartsAt.AsUtcInstant()), Subject, Invited,
            new Notice("meeting-reminder", $"Reminder: {Title}, {When()}.", [.. InvitedAgencyCodes], declined)));
        return true;
    }

    /// <summary>Links the minutes paper drafted after the meeting; one per meeting.</summary>
    public void LinkMinutes(Guid paperId, Actor by, DateTime now)
    {
        ActAs(by);
        if (Status == MeetingStatus.Cancelled)
        {
            throw new RuleBrokenException("meeting-cancelled", "A cancelled meeting has no minutes.");
        }

        if (now < StartsAt)
        {
            throw new RuleBrokenException("meeting-not-held", "Minutes are drafted once the meeting has started.");
        }

        if (MinutesPaperId is not null)
        {
            throw new RuleBrokenException("minutes-exist", "This meeting's minutes are already being drafted.",
                new Dictionary<string, object?> { ["paperId"] = MinutesPaperId });
        }

        MinutesPaperId = paperId;
        Version++;
    }

    /// <summary>The agencies a meeting (or a poll for one) invites: those named and always the organizer's own, sorted.</summary>
    internal static List<string> Invitees(IEnumerable<string> named, Actor organizer) =>
        [.. named.Append(organizer.AgencyCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private void EnsureChangeable(DateTime now)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            throw new RuleBrokenException("meeting-cancelled", "This meeting is cancelled.");
        }

        if (now >= StartsAt)
        {
            throw new RuleBrokenException("meeting-started", "This meeting has started; it can no longer be changed.");
        }
    }

    private static void EnsureFuture(DateTime startsAt, DateTime now)
    {
        if (startsAt <= now)
        {
            throw new RuleBrokenException("start-passed", "A meeting starts in the future.");
        }
    }

    /// <summary>"Tuesday 16 March 2027, 15:00–17:00 (Europe/Vienna)".</summary>
    private string When()
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(StartsAt, DateTimeKind.Utc), MeetingZones.Find(TimeZone));
        var end = start.AddMinutes(DurationMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{start:dddd d MMMM yyyy, HH:mm}–{end:HH:mm} ({MeetingZones.Described(TimeZone)})");
    }

}

public sealed class AgendaItem
{
    private AgendaItem()
    {
    }

    internal AgendaItem(Guid meetingId, int position, string title, string? presenterAgencyCode)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        Position = position;
        Title = title;
        PresenterAgencyCode = presenterAgencyCode;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    public string? PresenterAgencyCode { get; private set; }
}

/// <summary>One person's answer to an invitation.</summary>
public sealed class Rsvp
{
    private Rsvp()
    {
    }

    internal Rsvp(Guid meetingId, Actor person, RsvpResponse response, DateTime at)
    {
        MeetingId = meetingId;
        Email = person.Email;
        AgencyCode = person.AgencyCode;
        Response = response;
        At = at;
    }

    public Guid MeetingId { get; private set; }

    public string Email { get; private set; } = "";

    public string AgencyCode { get; private set; } = "";

    public RsvpResponse Response { get; private set; }

    public DateTime At { get; private set; }

    internal void Change(RsvpResponse response, DateTime at)
    {
        Response = response;
        At = at;
    }
}
