using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workspace.Server.Components;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Mail;

/// <summary>Who a message goes to, with what it is written for: their zone and their language.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, string AgencyCode, string? TimeZone, string? Language);

/// <summary>What the messages of one event share: the title of what it is about, and a meeting's invitation.</summary>
public sealed record MailSubject(string Title, Meeting? Meeting = null, string? Calendar = null, string? CalendarMethod = null);

/// <summary>
/// Writes the messages people act on, in their language (English, French) and with every time in their own zone
/// beside UTC, with a link to what they must open. Composed when the change is saved, so the message is the
/// one promised at that moment.
/// </summary>
public sealed class MailComposer(Http.PublicUrl url)
{
    /// <summary>The notifications that are also mailed.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "round-opened", "meeting-scheduled", "meeting-rescheduled", "meeting-cancelled",
    };

    /// <summary>
    /// What the messages of an event share, read once for all recipients: the paper's or the meeting's title and,
    /// for a meeting, its invitation as the workspace serves it (same UID, the meeting's SEQUENCE), with
    /// <c>METHOD:REQUEST</c>, or <c>CANCEL</c> once cancelled.
    /// </summary>
    public static async Task<MailSubject> PrepareAsync(Data.WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct)
    {
        if (subject.Kind == "meeting" && db.Meetings.Local.FirstOrDefault(m => m.Id.ToString() == subject.Id) is { } meeting)
        {
            var method = kind == "meeting-cancelled" ? "CANCEL" : "REQUEST";
            return new MailSubject(meeting.Title, meeting, await Features.Meetings.MeetingCalendar.WriteAsync(db, [meeting], method, now, ct), method);
        }

        return new MailSubject(subject.Kind == "paper" ? db.Papers.Local.FirstOrDefault(p => p.Id.ToString() == subject.Id)?.Title ?? "" : "");
    }

    /// <summary>The message of a notification of <paramref name="kind"/> for <paramref name="to"/>, or null for a kind not mailed.</summary>
    public OutgoingMail? Compose(string kind, long seq, JsonElement data, MailSubject about, Recipient to, DateTime now) => kind switch
    {
        "round-opened" => SignOffRequested(seq, data, about, to, now),
        "meeting-scheduled" or "meeting-rescheduled" or "meeting-cancelled" when about.Meeting is not null => Invitation(kind, seq, about, to, now),
        _ => null,
    };

    /// <summary>A meeting added, moved or cancelled: a few lines, and the invitation calendars act on by themselves.</summary>
    private OutgoingMail Invitation(string kind, long seq, MailSubject about, Recipient to, DateTime now)
    {
        var meeting = about.Meeting!;
        var french = to.Language == "fr";
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        var meetingZone = MeetingZones.Described(meeting.TimeZone);
        var starts = new DateTimeOffset(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc));
        var link = new Uri(url.Base, $"meetings/{meeting.Id}").ToString();
        return Written(french, () =>
        {
            var when = $"{Times.DayAndTime(starts, meetingZone)} ({Times.City(meetingZone)})"
                + (zone == meetingZone ? "" : $", {Times.DayAndTime(starts, zone)} ({Times.City(zone)})");
            var (subject, lead) = (kind, french) switch
            {
                ("meeting-cancelled", true) => ($"Annulée : {meeting.Title}", $"La réunion « {meeting.Title} » du {when} est annulée."),
                ("meeting-cancelled", false) => ($"Cancelled: {meeting.Title}", $"The meeting \"{meeting.Title}\" of {when} is cancelled."),
                ("meeting-rescheduled", true) => ($"Invitation modifiée : {meeting.Title}", $"La réunion « {meeting.Title} » est déplacée : {when}, {meeting.DurationMinutes} min."),
                ("meeting-rescheduled", false) => ($"Updated invitation: {meeting.Title}", $"The meeting \"{meeting.Title}\" is moved: {when}, {meeting.DurationMinutes} min."),
                (_, true) => ($"Invitation : {meeting.Title}", $"Votre organisation ({to.AgencyCode}) est invitée à « {meeting.Title} » : {when}, {meeting.DurationMinutes} min."),
                _ => ($"Invitation: {meeting.Title}", $"Your agency ({to.AgencyCode}) is invited to \"{meeting.Title}\": {when}, {meeting.DurationMinutes} min."),
            };
            var greeting = french ? $"Bonjour {to.DisplayName}," : $"Dear {to.DisplayName},";
            var calendar = french ? "Votre agenda l'ajoute, le déplace ou le retire de lui-même (invitation jointe)." : "Your calendar adds, moves or removes it by itself (invitation attached).";
            return (subject, new[] { greeting, lead, calendar }, french ? "Ouvrir la réunion" : "Open the meeting", link);
        }, kind, seq, to, now, about);
    }

    private OutgoingMail SignOffRequested(long seq, JsonElement data, MailSubject about, Recipient to, DateTime now)
    {
        var french = to.Language == "fr";
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        var deadline = data.GetProperty("deadline").GetDateTimeOffset();
        var silence = data.GetProperty("procedure").GetString() == "Silence";
        var revision = data.GetProperty("revision").GetInt32();
        var link = new Uri(url.Base, $"papers/{data.GetProperty("paperId").GetGuid()}").ToString();
        var title = about.Title;
        return Written(french, () =>
        {
            var local = Times.DayAndTime(deadline, zone) + $" ({Times.City(zone)})";
            var utc = zone == MeetingZones.Utc ? "" : $", {Times.DayAndTime(deadline, MeetingZones.Utc)} UTC";
            return french
                ? ($"Approbation demandée : {title}",
                    [
                        $"Bonjour {to.DisplayName},",
                        $"L'approbation de votre organisation ({to.AgencyCode}) est demandée pour « {title} », révision {revision}.",
                        $"Échéance : {local}{utc}.",
                        silence ? "Procédure d'accord tacite : sans objection avant l'échéance, le texte est adopté." : "Chaque organisation participante doit approuver le texte.",
                    ],
                    "Ouvrir le document", link)
                : ($"Sign-off requested: {title}",
                    [
                        $"Dear {to.DisplayName},",
                        $"Your agency ({to.AgencyCode}) is asked to sign off \"{title}\", revision {revision}.",
                        $"Deadline: {local}{utc}.",
                        silence ? "Silence procedure: with no objection by the deadline, the text is adopted." : "Every participating agency must approve the text.",
                    ],
                    "Open the paper", link);
        }, "round-opened", seq, to, now, about);
    }

    /// <summary>Lines written in the recipient's language (dates too), as plain text and HTML, with the link and why they receive it.</summary>
    private static OutgoingMail Written(bool french, Func<(string Subject, string[] Lines, string Open, string Link)> write, string kind, long seq, Recipient to, DateTime now,
        MailSubject about)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
        try
        {
            var (subject, lines, open, link) = write();
            var why = french
                ? $"Vous recevez ce message en tant que point focal de {to.AgencyCode} dans l'espace de travail inter-agences."
                : $"You receive this as a focal point of {to.AgencyCode} in the Inter-Agency Workspace.";
            return new OutgoingMail
            {
                Kind = kind,
                EventSeq = seq,
                PersonId = to.Id,
                To = to.Email,
                ToName = to.DisplayName,
                Subject = subject,
                Text = string.Join("\n\n", lines) + $"\n\n{open}: {link}\n\n-- \n{why}\n",
                Html = $"<!DOCTYPE html><html lang=\"{(french ? "fr" : "en")}\"><body>"
                    + string.Concat(lines.Select(l => $"<p>{HtmlEncoder.Default.Encode(l)}</p>"))
                    + $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">{HtmlEncoder.Default.Encode(open)}</a></p>"
                    + $"<hr><p><small>{HtmlEncoder.Default.Encode(why)}</small></p></body></html>",
                Calendar = about.Calendar,
                CalendarMethod = about.CalendarMethod,
                CreatedAt = now,
                NextAttemptAt = now,
            };
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
