using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Locale;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Polls;

/// <summary>What the invited agencies' people are told of a poll for a meeting time: it opened, and reminders while theirs has not answered.</summary>
internal sealed class PollNotices : INoticeTemplates
{
    public int Order => 5;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("poll-opened", MailMode.Immediate, false, "A poll to find a meeting time"),
        new("poll-reminder", MailMode.Immediate, false, "Reminders of a poll my agency has not answered"),
    ];

    public async Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct)
    {
        var poll = Guid.TryParse(subject.Id, out var id) ? await db.Polls.AsNoTracking().Include(p => p.Slots).SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        return new MailSubject(poll?.Title ?? "", poll);
    }

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        if (about.Detail is not Poll poll)
        {
            return null;
        }

        var (title, dear, to) = (about.Title, reader.Dear, reader.To);
        var pollLink = reader.Page($"polls/{poll.Id}");
        var times = poll.Slots.OrderBy(x => x.StartsAt).Select(x => "- " + Slot(x.StartsAt, poll.TimeZone, reader)).ToArray();
        var answerBy = reader.When(poll.Deadline.AsUtcInstant());
        var t = reader.T;
        return kind == "poll-opened"
            ? new(t["When can you meet? {0}", title], [dear, t["Your agency ({0}) is invited to \"{1}\". The times proposed, in your time zone:", to.AgencyCode, title], .. times, t["Answer by: {0}.", answerBy]], t["Answer"], pollLink)
            : new(t["Reminder: when can you meet? {0}", title], [dear, t["Your agency ({0}) has not yet answered for \"{1}\".", to.AgencyCode, title], t["Answer by: {0}.", answerBy]], t["Answer"], pollLink);
    }

    /// <summary>A proposed time in the reader's zone, marked when it falls early or late there, with the organizer's reading.</summary>
    private static string Slot(DateTime startsAt, string pollZone, MailReader reader)
    {
        var (at, zone, t) = (startsAt.AsUtcInstant(), reader.Zone, reader.T);
        var mark = Times.OddHour(at, zone) switch
        {
            "early" => " " + t["(early)"],
            "late" => " " + t["(late)"],
            _ => "",
        };
        return $"{Times.DayAndTime(at, zone, reader.Now)} ({Times.City(zone)}){mark}" + (zone == pollZone || reader.OnPage ? "" : $", {Times.DayAndTime(at, pollZone, reader.Now)} ({Times.City(pollZone)})");
    }
}
