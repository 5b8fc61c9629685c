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
        new("poll-opened", MailMode.Immediate, false, "A poll to find a meeting time", "Un sondage pour fixer une réunion"),
        new("poll-reminder", MailMode.Immediate, false, "Reminders of a poll my agency has not answered", "Rappels d'un sondage sans réponse de mon organisation"),
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
        return (kind, reader.French) switch
        {
            ("poll-opened", true) => new($"Quand pouvez-vous vous réunir ? {title}", [dear, $"Votre organisation ({to.AgencyCode}) est invitée à « {title} ». Les horaires proposés, dans votre fuseau horaire :", .. times, $"Répondre avant : {answerBy}."], "Répondre", pollLink),
            ("poll-opened", false) => new($"When can you meet? {title}", [dear, $"Your agency ({to.AgencyCode}) is invited to \"{title}\". The times proposed, in your time zone:", .. times, $"Answer by: {answerBy}."], "Answer", pollLink),
            (_, true) => new($"Rappel : quand pouvez-vous vous réunir ? {title}", [dear, $"Votre organisation ({to.AgencyCode}) n'a pas encore répondu pour « {title} ».", $"Répondre avant : {answerBy}."], "Répondre", pollLink),
            _ => new($"Reminder: when can you meet? {title}", [dear, $"Your agency ({to.AgencyCode}) has not yet answered for \"{title}\".", $"Answer by: {answerBy}."], "Answer", pollLink),
        };
    }

    /// <summary>A proposed time in the reader's zone, marked when it falls early or late there, with the organizer's reading.</summary>
    private static string Slot(DateTime startsAt, string pollZone, MailReader reader)
    {
        var (at, zone) = (startsAt.AsUtcInstant(), reader.Zone);
        var mark = Times.OddHour(at, zone) switch
        {
            "early" => reader.French ? " (tôt)" : " (early)",
            "late" => reader.French ? " (tard)" : " (late)",
            _ => "",
        };
        return $"{Times.DayAndTime(at, zone, reader.Now)} ({Times.City(zone)}){mark}" + (zone == pollZone || reader.OnPage ? "" : $", {Times.DayAndTime(at, pollZone, reader.Now)} ({Times.City(pollZone)})");
    }
}
