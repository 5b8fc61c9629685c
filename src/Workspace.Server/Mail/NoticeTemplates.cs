using Microsoft.Extensions.Localization;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Locale;

namespace Workspace.Server.Mail;

/// <summary>One kind of notice a person may choose how to receive by mail, with its default and its name in the settings.</summary>
/// <param name="Invitation">Carries a calendar invitation, which calendars act on only when it arrives alone: never in a digest.</param>
/// <param name="Label">Its name in the settings, in English: the key of its translations among the strings of the pages.</param>
public sealed record MailKind(string Name, MailMode Default, bool Invitation, string Label);

/// <summary>
/// What one area tells people of its events: its kinds of notice (each in the notifications and, as the person
/// chooses, by mail), what the messages of one event share, and what each message says to its reader. An area
/// registers its own; the notifications and the mail settings know them only through <see cref="MailCatalog"/>.
/// </summary>
public interface INoticeTemplates
{
    /// <summary>Where the area's kinds stand on the mail settings page, lowest first (a sign-off owed before a poll).</summary>
    int Order { get; }

    IReadOnlyList<MailKind> Kinds { get; }

    /// <summary>
    /// What the messages of one event of <paramref name="kind"/> about <paramref name="subject"/> share, read once after
    /// commit for all recipients: the title of what it is about, and anything the messages need beside the event's data.
    /// </summary>
    Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct);

    /// <summary>What the message of <paramref name="kind"/> says to <paramref name="reader"/>, or null when there is nothing to say.</summary>
    MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader);

    /// <summary>
    /// What a notice of <paramref name="kind"/> says in the reader's list (<see cref="MailReader.OnPage"/>): by default
    /// the message's paragraphs without its greeting, as one text.
    /// </summary>
    string? Line(string kind, object? data, MailSubject about, MailReader reader) =>
        Draft(kind, data, about, reader) is { } draft ? string.Join(" ", draft.Lines.Where(l => l.Length > 0)) : null;

    /// <summary>What the notices of one event share when they are read in the workspace (no invitation to attach).</summary>
    Task<MailSubject> DescribeAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) =>
        PrepareAsync(db, kind, subject, now, ct);
}

/// <summary>What the messages of one event share: the title of what it is about, what a template read for it, and a meeting's invitation.</summary>
public sealed record MailSubject(string Title, object? Detail = null, string? Calendar = null, string? CalendarMethod = null);

/// <summary>
/// What one message says: its subject, its paragraphs (text only, whatever people wrote into them), the page it asks
/// the reader to open, and any answers offered as links of the workspace's own (a meeting's RSVP). Only these link
/// fields become links in the HTML part.
/// </summary>
public sealed record MailDraft(string Subject, string[] Lines, string Open, string Link)
{
    public IReadOnlyList<(string Label, string Url)> Answers { get; init; } = [];
}

/// <summary>
/// Who a message is written for, and the words and links every template writes with: their language, their zone.
/// On a page of the workspace (<see cref="OnPage"/>) a notice has no greeting, and its times are in the reader's zone alone.
/// </summary>
public sealed class MailReader(Recipient to, string zone, Http.PublicUrl url, MailLinks links, DateTimeOffset now, IStringLocalizer t, bool onPage = false)
{
    public Recipient To => to;

    /// <summary>The reader's language, one of the six (English when they chose none).</summary>
    public string Language { get; } = Languages.IsOffered(to.Language) ? to.Language! : Languages.Offered[0];

    /// <summary>
    /// The strings of the pages, looked up in the culture the message is written in (<see cref="MailComposer"/> sets it
    /// to <see cref="Language"/>): each sentence written in English, its key.
    /// </summary>
    public IStringLocalizer T => t;

    /// <summary>The reader's zone (UTC when they have none).</summary>
    public string Zone => zone;

    /// <summary>When it is written: a date of another year says its year.</summary>
    public DateTimeOffset Now => now;

    /// <summary>A notice in the workspace's list, rather than a message.</summary>
    public bool OnPage => onPage;

    public string Dear => onPage ? "" : t["Dear {0},", to.DisplayName];

    /// <summary>A moment in the reader's zone; in a message, with UTC beside it for those who share it.</summary>
    public string When(DateTimeOffset at) =>
        $"{Times.DayAndTime(at, zone, now)} ({Times.City(zone)})" + (zone == MeetingZones.Utc || onPage ? "" : $"{Times.Separator}{Times.DayAndTime(at, MeetingZones.Utc, now)} UTC");

    /// <summary>A page of the workspace, as an absolute address.</summary>
    public string Page(string path) => new Uri(url.Base, path).ToString();

    /// <summary>The link that records the reader's answer to an invitation without a sign-in, valid until the meeting starts.</summary>
    public string Rsvp(Guid meetingId, string response, DateTime startsAt) => links.Rsvp(to.Id, meetingId, response, startsAt);
}

/// <summary>Every kind of notice the areas declare, and the templates that write them.</summary>
public sealed class MailCatalog
{
    /// <summary>The digest itself, as its unsubscribe link names it: turning it off turns off every kind taken as a digest.</summary>
    public const string Digest = "digest";

    private readonly Dictionary<string, (MailKind Kind, INoticeTemplates Templates)> byName = new(StringComparer.Ordinal);

    public MailCatalog(IEnumerable<INoticeTemplates> templates)
    {
        List<MailKind> all = [];
        foreach (var area in templates.OrderBy(t => t.Order))
        {
            foreach (var kind in area.Kinds)
            {
                if (!byName.TryAdd(kind.Name, (kind, area)))
                {
                    throw new InvalidOperationException($"The notice kind \"{kind.Name}\" is declared twice ({byName[kind.Name].Templates.GetType().Name}, {area.GetType().Name}).");
                }

                all.Add(kind);
            }
        }

        All = all;
    }

    /// <summary>Every kind, in the order the mail settings show them.</summary>
    public IReadOnlyList<MailKind> All { get; }

    public MailKind? Find(string name) => byName.TryGetValue(name, out var found) ? found.Kind : null;

    /// <summary>The templates that write <paramref name="kind"/>, or null for a kind no area declares.</summary>
    public INoticeTemplates? TemplatesOf(string kind) => byName.TryGetValue(kind, out var found) ? found.Templates : null;
}
