using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Locale;

namespace Workspace.Server.Mail;

/// <summary>Who a message goes to, with what it is written for: their zone, their language, and how they take this kind.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, string AgencyCode, string? TimeZone, string? Language, MailMode Mode = MailMode.Immediate);

/// <summary>
/// Writes the messages people act on, in their language (one of the six) and with every time in their own zone,
/// with a link to what they must open and one to stop this kind of mail. Composed by the reaction that follows the
/// committed change, from the event's own data (its times, its reasons), and kept in the outbox as written.
/// </summary>
public sealed class MailComposer(Http.PublicUrl url, MailLinks links, MailCatalog catalog, IStringLocalizer<Locale.Ui> t)
{
    /// <summary>The message of a notification of <paramref name="kind"/> for <paramref name="to"/>, or null for a kind not mailed.</summary>
    public OutgoingMail? Compose(string kind, long seq, object? data, MailSubject about, Recipient to, DateTime now)
    {
        if (to.Mode == MailMode.Off || catalog.Find(kind) is not { } mailKind || catalog.TemplatesOf(kind) is not { } templates)
        {
            return null;
        }

        var reader = new MailReader(to, MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc), url, links, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), t);
        var language = reader.Language;
        return InCulture(language, () => templates.Draft(kind, data, about, reader) is { } draft
            ? Written(language == "fr" ? Typeset(draft) : draft, language, kind, seq, to, now, about, held: to.Mode == MailMode.Digest && !mailKind.Invitation)
            : null);
    }

    /// <summary>
    /// One message gathering what a person takes as a digest since the last one: each item's subject and link, in
    /// the order they happened.
    /// </summary>
    public OutgoingMail ComposeDigest(Recipient to, IReadOnlyList<OutgoingMail> items, DateTime now)
    {
        var language = Languages.IsOffered(to.Language) ? to.Language! : Languages.Offered[0];
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        return InCulture(language, () =>
        {
            var subject = t.Plural(items.Count, "Your daily digest: {0} update", "Your daily digest: {0} updates");
            var intro = t["Dear {0}, here is what happened in the workspace up to {1} ({2}):", to.DisplayName,
                Times.DayAndTime(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), zone), Times.City(zone)].Value;
            var settings = t["Choose what is mailed to you"].Value;
            (subject, intro) = language == "fr" ? (FrenchTypography.Set(subject), FrenchTypography.Set(intro)) : (subject, intro);
            var settingsLink = new Uri(url.Base, "settings/mail").ToString();
            var (stop, why) = Footer(MailCatalog.Digest, to);
            var enc = HtmlEncoder.Default;
            return new OutgoingMail
            {
                Kind = MailCatalog.Digest,
                PersonId = to.Id,
                To = to.Email,
                ToName = to.DisplayName,
                Subject = subject,
                Text = intro + "\n\n" + string.Concat(items.Select(i => $"* {i.Subject}\n  {i.Link}\n")) + $"\n{TextLink((settings, settingsLink))}\n\n-- \n{why}\n{TextLink(stop)}\n",
                Html = Html(language, $"<p>{enc.Encode(intro)}</p><ul>" + string.Concat(items.Select(i => $"<li><a href=\"{enc.Encode(i.Link)}\">{enc.Encode(i.Subject)}</a></li>")) + "</ul>"
                    + $"<p><a href=\"{enc.Encode(settingsLink)}\">{enc.Encode(settings)}</a></p>", why, stop),
                Link = settingsLink,
                Unsubscribe = links.OneClickUnsubscribe(to.Id, MailCatalog.Digest),
                CreatedAt = now,
                NextAttemptAt = now,
            };
        });
    }

    /// <summary>Why the reader receives it, and the link that stops this kind, in the culture being written.</summary>
    private ((string Label, string Url) Stop, string Why) Footer(string kind, Recipient to) =>
        ((t["Stop this kind of mail"], links.UnsubscribePage(to.Id, kind)), t["You receive this as a focal point of {0} in the Inter-Agency Workspace.", to.AgencyCode]);

    /// <summary>The paragraphs as plain text and HTML, with the link, why they receive it and how to stop it.</summary>
    private OutgoingMail Written(MailDraft draft, string language, string kind, long seq, Recipient to, DateTime now, MailSubject about, bool held)
    {
        var (stop, why) = Footer(kind, to);
        var enc = HtmlEncoder.Default;
        return new OutgoingMail
        {
            Kind = kind,
            EventSeq = seq,
            PersonId = to.Id,
            To = to.Email,
            ToName = to.DisplayName,
            Subject = draft.Subject,
            Text = string.Join("\n\n", [.. draft.Lines, .. draft.Answers.Select(TextLink)]) + $"\n\n{TextLink((draft.Open, draft.Link))}\n\n-- \n{why}\n{TextLink(stop)}\n",
            Html = Html(language, string.Concat(draft.Lines.Select(l => $"<p>{enc.Encode(l)}</p>")) + string.Concat(draft.Answers.Select(a => $"<p>{HtmlLink(a)}</p>"))
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

    /// <summary>A link in the plain text, after its label and the colon of the language being written.</summary>
    private static string TextLink((string Label, string Url) link) => $"{link.Label}{FrenchTypography.Colon.TrimEnd()} {link.Url}";

    /// <summary>A French message set as French is: a no-break space before its colons, semicolons, question and exclamation marks.</summary>
    private static MailDraft Typeset(MailDraft draft) =>
        new(FrenchTypography.Set(draft.Subject), [.. draft.Lines.Select(FrenchTypography.Set)], draft.Open, draft.Link) { Answers = draft.Answers };

    /// <summary>A link of the composer's own, as HTML: only these fields ever become an <c>href</c>.</summary>
    private static string HtmlLink((string Label, string Url) link) =>
        $"<a href=\"{HtmlEncoder.Default.Encode(link.Url)}\">{HtmlEncoder.Default.Encode(link.Label)}</a>";

    private static string Html(string language, string body, string why, (string Label, string Url) stop) =>
        $"<!DOCTYPE html><html lang=\"{language}\" dir=\"{Languages.Direction(language)}\"><body>{body}<hr><p><small>{HtmlEncoder.Default.Encode(why)}<br>{HtmlLink(stop)}</small></p></body></html>";

    /// <summary>The reader's culture for each language: its words (the pages' strings), and dates and numbers as it writes them.</summary>
    private static readonly Dictionary<string, string> Cultures = new(StringComparer.Ordinal)
    {
        ["en"] = "en-GB",
        ["fr"] = "fr-FR",
        ["es"] = "es-ES",
        ["ru"] = "ru-RU",
        ["zh"] = "zh-CN",
        ["ar"] = "ar",
    };

    /// <summary>Writes in the reader's language: the strings looked up, the dates and numbers formatted, as they read them.</summary>
    public static T InCulture<T>(string language, Func<T> write)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Cultures.GetValueOrDefault(language, "en-GB"));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
