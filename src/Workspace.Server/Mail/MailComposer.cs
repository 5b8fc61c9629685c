using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workspace.Server.Components;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Mail;

/// <summary>Who a message goes to, with what it is written for: their zone and their language.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, string AgencyCode, string? TimeZone, string? Language);

/// <summary>
/// Writes the messages people act on, in their language (English, French) and with every time in their own zone
/// beside UTC, with a link to what they must open. Composed when the change is saved, so the message is the
/// one promised at that moment.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options, Http.PublicUrl url)
{
    /// <summary>The notifications that are also mailed.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "round-opened" };

    public bool Enabled => options.Value.Enabled;

    /// <summary>The message of a notification of <paramref name="kind"/> for <paramref name="to"/>, or null for a kind not mailed.</summary>
    public OutgoingMail? Compose(string kind, long seq, JsonElement data, string? title, Recipient to, DateTime now) => kind switch
    {
        "round-opened" => SignOffRequested(seq, data, title ?? "", to, now),
        _ => null,
    };

    private OutgoingMail SignOffRequested(long seq, JsonElement data, string title, Recipient to, DateTime now)
    {
        var french = to.Language == "fr";
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        var deadline = data.GetProperty("deadline").GetDateTimeOffset();
        var silence = data.GetProperty("procedure").GetString() == "Silence";
        var link = new Uri(url.Base, $"papers/{data.GetProperty("paperId").GetGuid()}").ToString();
        var culture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var local = Times.DayAndTime(deadline, zone) + $" ({Times.City(zone)})";
            var utc = zone == MeetingZones.Utc ? "" : $", {Times.DayAndTime(deadline, MeetingZones.Utc)} UTC";
            var (subject, lines) = french
                ? ($"Approbation demandée : {title}",
                    new[]
                    {
                        $"Bonjour {to.DisplayName},",
                        $"L'approbation de votre organisation ({to.AgencyCode}) est demandée pour « {title} », révision {data.GetProperty("revision").GetInt32()}.",
                        $"Échéance : {local}{utc}.",
                        silence ? "Procédure d'accord tacite : sans objection avant l'échéance, le texte est adopté." : "Chaque organisation participante doit approuver le texte.",
                    })
                : ($"Sign-off requested: {title}",
                    new[]
                    {
                        $"Dear {to.DisplayName},",
                        $"Your agency ({to.AgencyCode}) is asked to sign off \"{title}\", revision {data.GetProperty("revision").GetInt32()}.",
                        $"Deadline: {local}{utc}.",
                        silence ? "Silence procedure: with no objection by the deadline, the text is adopted." : "Every participating agency must approve the text.",
                    });
            var open = french ? "Ouvrir le document" : "Open the paper";
            var why = french
                ? $"Vous recevez ce message en tant que point focal de {to.AgencyCode} dans l'espace de travail inter-agences."
                : $"You receive this as a focal point of {to.AgencyCode} in the Inter-Agency Workspace.";
            var text = string.Join("\n\n", lines) + $"\n\n{open}: {link}\n\n-- \n{why}\n";
            var html = $"<!DOCTYPE html><html lang=\"{(french ? "fr" : "en")}\"><body>"
                + string.Concat(lines.Select(l => $"<p>{HtmlEncoder.Default.Encode(l)}</p>"))
                + $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">{HtmlEncoder.Default.Encode(open)}</a></p>"
                + $"<hr><p><small>{HtmlEncoder.Default.Encode(why)}</small></p></body></html>";
            return new OutgoingMail
            {
                Kind = "round-opened",
                EventSeq = seq,
                PersonId = to.Id,
                To = to.Email,
                ToName = to.DisplayName,
                Subject = subject,
                Text = text,
                Html = html,
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
