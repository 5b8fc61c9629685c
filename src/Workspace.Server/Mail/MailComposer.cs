using System.Globalization;
using System.Text.Encodings.Web;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Locale;

namespace Workspace.Server.Mail;

/// <summary>Who a message goes to, with what it is written for: their zone, their language, and how they take this kind.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, string AgencyCode, string? TimeZone, string? Language, MailMode Mode = MailMode.Immediate);

/// <summary>
/// Writes the messages people act on, in their language (English, French) and with every time in their own zone,
/// with a link to what they must open and one to stop this kind of mail. Composed by the reaction that follows the
/// committed change, from the event's own data (its times, its reasons), and kept in the outbox as written.
/// </summary>
public sealed class MailComposer(Http.PublicUrl url, MailLinks links, MailCatalog catalog)
{
    /// <summary>The message of a notification of <paramref name="kind"/> for <paramref name="to"/>, or null for a kind not mailed.</summary>
    public OutgoingMail? Compose(string kind, long seq, object? data, MailSubject about, Recipient to, DateTime now)
    {
        if (to.Mode == MailMode.Off || catalog.Find(kind) is not { } mailKind || catalog.TemplatesOf(kind) is not { } templates)
        {
            return null;
        }

        var reader = new MailReader(to, MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc), url, links, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
        var french = reader.French;
        return InCulture(french, () => templates.Draft(kind, data, about, reader)) is { } draft && (french ? Typeset(draft) : draft) is { } set
            ? Written(set, french, kind, seq, to, now, about, held: to.Mode == MailMode.Digest && !mailKind.Invitation)
            : null;
    }

    /// <summary>
    /// One message gathering what a person takes as a digest since the last one: each item's subject and link, in
    /// the order they happened.
    /// </summary>
    public OutgoingMail ComposeDigest(Recipient to, IReadOnlyList<OutgoingMail> items, DateTime now)
    {
        var french = to.Language == "fr";
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        var (subject, intro, settings) = InCulture(french, () => french
            ? ($"Votre résumé du jour : {items.Count} nouvelle{(items.Count > 1 ? "s" : "")}",
                $"Bonjour {to.DisplayName}, voici ce qui s'est passé dans l'espace de travail jusqu'au {Times.DayAndTime(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), zone)} ({Times.City(zone)}) :",
                "Choisir ce qui vous est envoyé")
            : ($"Your daily digest: {items.Count} update{(items.Count > 1 ? "s" : "")}",
                $"Dear {to.DisplayName}, here is what happened in the workspace up to {Times.DayAndTime(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), zone)} ({Times.City(zone)}):",
                "Choose what is mailed to you"));
        (subject, intro) = french ? (FrenchTypography.Set(subject), FrenchTypography.Set(intro)) : (subject, intro);
        var settingsLink = new Uri(url.Base, "settings/mail").ToString();
        var (stop, why) = Footer(french, MailCatalog.Digest, to);
        var enc = HtmlEncoder.Default;
        return new OutgoingMail
        {
            Kind = MailCatalog.Digest,
            PersonId = to.Id,
            To = to.Email,
            ToName = to.DisplayName,
            Subject = subject,
            Text = intro + "\n\n" + string.Concat(items.Select(i => $"* {i.Subject}\n  {i.Link}\n")) + $"\n{TextLink((settings, settingsLink), french)}\n\n-- \n{why}\n{TextLink(stop, french)}\n",
            Html = Html(french, $"<p>{enc.Encode(intro)}</p><ul>" + string.Concat(items.Select(i => $"<li><a href=\"{enc.Encode(i.Link)}\">{enc.Encode(i.Subject)}</a></li>")) + "</ul>"
                + $"<p><a href=\"{enc.Encode(settingsLink)}\">{enc.Encode(settings)}</a></p>", why, stop),
            Link = settingsLink,
            Unsubscribe = links.OneClickUnsubscribe(to.Id, MailCatalog.Digest),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>Why the reader receives it, and the link that stops this kind.</summary>
    private ((string Label, string Url) Stop, string Why) Footer(bool french, string kind, Recipient to)
    {
        var page = links.UnsubscribePage(to.Id, kind);
        return french
            ? (("Ne plus recevoir ce type de message", page), $"Vous recevez ce message en tant que point focal de {to.AgencyCode} dans l'espace de travail inter-agences.")
            : (("Stop this kind of mail", page), $"You receive this as a focal point of {to.AgencyCode} in the Inter-Agency Workspace.");
    }

    /// <summary>The paragraphs as plain text and HTML, with the link, why they receive it and how to stop it.</summary>
    private OutgoingMail Written(MailDraft draft, bool french, string kind, long seq, Recipient to, DateTime now, MailSubject about, bool held)
    {
        var (stop, why) = Footer(french, kind, to);
        var enc = HtmlEncoder.Default;
        return new OutgoingMail
        {
            Kind = kind,
            EventSeq = seq,
            PersonId = to.Id,
            To = to.Email,
            ToName = to.DisplayName,
            Subject = draft.Subject,
            Text = string.Join("\n\n", [.. draft.Lines, .. draft.Answers.Select(a => TextLink(a, french))]) + $"\n\n{TextLink((draft.Open, draft.Link), french)}\n\n-- \n{why}\n{TextLink(stop, french)}\n",
            Html = Html(french, string.Concat(draft.Lines.Select(l => $"<p>{enc.Encode(l)}</p>")) + string.Concat(draft.Answers.Select(a => $"<p>{HtmlLink(a)}</p>"))
                + $"<p>{HtmlLink((draft.Open, draft.Link))}</p>", why, stop),
            Link = draft.Link,
            Unsubscribe = links.OneClickUnsubscribe(to.Id, kind),
            Calendar = about.Calendar,
            CalendarMethod = about.CalendarMethod,
            HeldForDigest = held,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    private static string TextLink((string Label, string Url) link, bool french) => $"{link.Label}{(french ? "\u00a0" : "")}: {link.Url}";

    /// <summary>A French message set as French is: a no-break space before its colons, semicolons, question and exclamation marks.</summary>
    private static MailDraft Typeset(MailDraft draft) =>
        new(FrenchTypography.Set(draft.Subject), [.. draft.Lines.Select(FrenchTypography.Set)], draft.Open, draft.Link) { Answers = draft.Answers };

    /// <summary>A link of the composer's own, as HTML: only these fields ever become an <c>href</c>.</summary>
    private static string HtmlLink((string Label, string Url) link) =>
        $"<a href=\"{HtmlEncoder.Default.Encode(link.Url)}\">{HtmlEncoder.Default.Encode(link.Label)}</a>";

    private static string Html(bool french, string body, string why, (string Label, string Url) stop) =>
        $"<!DOCTYPE html><html lang=\"{(french ? "fr" : "en")}\"><body>{body}<hr><p><small>{HtmlEncoder.Default.Encode(why)}<br>{HtmlLink(stop)}</small></p></body></html>";

    /// <summary>Dates and numbers written as the reader's language writes them.</summary>
    private static T InCulture<T>(bool french, Func<T> write)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
