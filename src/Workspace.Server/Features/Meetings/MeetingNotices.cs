using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Locale;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// What the invited agencies' people are told of a meeting: invited, moved, cancelled, reminded. The first three carry
/// the meeting's invitation as the workspace serves it (same UID, the meeting's SEQUENCE), which calendars act on by themselves.
/// </summary>
internal sealed class MeetingNotices(Http.PublicUrl site) : INoticeTemplates
{
    public int Order => 3;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("meeting-scheduled", MailMode.Immediate, true, "Invitations to meetings"),
        new("meeting-rescheduled", MailMode.Immediate, true, "A meeting moved"),
        new("meeting-cancelled", MailMode.Immediate, true, "A meeting cancelled"),
        new("meeting-reminder", MailMode.Immediate, false, "Reminders before a meeting"),
    ];

    /// <summary>The meeting, and for a change its invitation with <c>METHOD:REQUEST</c>, or <c>CANCEL</c> once cancelled.</summary>
    public async Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct)
    {
        var meeting = Guid.TryParse(subject.Id, out var id)
            ? await db.Meetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Rsvps).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct)
            : null;
        if (meeting is null || kind == "meeting-reminder")
        {
            return new MailSubject(meeting?.Title ?? "", meeting);
        }

        var method = kind == "meeting-cancelled" ? "CANCEL" : "REQUEST";
        return new MailSubject(meeting.Title, meeting, await MeetingCalendar.WriteAsync(db, [meeting], method, now, site.Base, ct), method);
    }

    /// <summary>In the workspace: the meeting as it stood, with no invitation to write.</summary>
    public async Task<MailSubject> DescribeAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct)
    {
        var meeting = Guid.TryParse(subject.Id, out var id) ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        return new MailSubject(meeting?.Title ?? "", meeting);
    }

    /// <summary>A meeting added, moved, cancelled or coming: a few lines, answer links, and the invitation calendars act on by themselves.</summary>
    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        if (about.Detail is not Meeting meeting)
        {
            return null;
        }

        var t = reader.T;
        var (subject, lead) = Words(kind, new Slot(meeting.Title, meeting.StartsAt.AsUtcInstant(), meeting.TimeZone, meeting.DurationMinutes), reader);
        var lines = new List<string> { reader.Dear, lead };
        List<(string, string)> answers = [];
        if (kind is "meeting-scheduled" or "meeting-rescheduled")
        {
            lines.Add(t["Your calendar adds or moves it by itself (invitation attached). Answer:"]);
            answers.AddRange(new[] { ("Accepted", t["Accept"]), ("Tentative", t["Tentative"]), ("Declined", t["Decline"]) }
                .Select(a => (a.Item2.Value, reader.Rsvp(meeting.Id, a.Item1, meeting.StartsAt))));
        }
        else if (kind == "meeting-cancelled")
        {
            lines.Add(t["Your calendar removes it by itself."]);
        }

        return new MailDraft(subject, [.. lines], t["Open the meeting"], reader.Page($"meetings/{meeting.Id}")) { Answers = answers };
    }

    /// <summary>In the workspace's list: the one sentence, with the meeting's time as the event left it (a later move has its own notice).</summary>
    public string? Line(string kind, object? data, MailSubject about, MailReader reader)
    {
        var slot = data switch
        {
            MeetingScheduled e => new Slot(e.Title, e.StartsAt, e.TimeZone, e.DurationMinutes),
            MeetingRescheduled e => new Slot(e.Title, e.StartsAt, e.TimeZone, e.DurationMinutes),
            MeetingCancelled e => new Slot(e.Title, e.StartsAt, e.TimeZone, e.DurationMinutes),
            MeetingReminded e when about.Detail is Meeting m => new Slot(m.Title, e.StartsAt, m.TimeZone, m.DurationMinutes),
            _ when about.Detail is Meeting m => new Slot(m.Title, m.StartsAt.AsUtcInstant(), m.TimeZone, m.DurationMinutes),
            _ => null,
        };
        return slot is null ? null : Words(kind, slot, reader).Lead;
    }

    private sealed record Slot(string Title, DateTimeOffset StartsAt, string TimeZone, int DurationMinutes);

    private static (string Subject, string Lead) Words(string kind, Slot meeting, MailReader reader)
    {
        var (t, zone, to) = (reader.T, reader.Zone, reader.To);
        var (meetingZone, starts) = (MeetingZones.Described(meeting.TimeZone), meeting.StartsAt);
        var when = $"{Times.DayAndTime(starts, meetingZone, reader.Now)} ({Times.City(meetingZone)})"
            + (Times.In(starts, zone) == Times.In(starts, meetingZone) ? "" : $", {Times.DayAndTime(starts, zone, reader.Now)} ({Times.City(zone)})");
        return kind switch
        {
            "meeting-cancelled" => (t["Cancelled: {0}", meeting.Title], t["The meeting \"{0}\" of {1} is cancelled.", meeting.Title, when]),
            "meeting-rescheduled" => (t["Updated invitation: {0}", meeting.Title], t["The meeting \"{0}\" is moved: {1}, {2} min.", meeting.Title, when, meeting.DurationMinutes]),
            "meeting-reminder" => (t["Reminder: {0}", meeting.Title], t["Reminder: \"{0}\", {1}, {2} min.", meeting.Title, when, meeting.DurationMinutes]),
            _ => (t["Invitation: {0}", meeting.Title], t["Your agency ({0}) is invited to \"{1}\": {2}, {3} min.", to.AgencyCode, meeting.Title, when, meeting.DurationMinutes]),
        };
    }
}
