using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// Notices as their reader reads them, written when they are read: from the event each one is about (its data,
/// kept in the log) and what its area's templates say of it, in the reader's language and zone. A notice whose
/// area says nothing of it keeps the words stored with it.
/// </summary>
internal sealed class NoticeLines(MailCatalog catalog, Http.PublicUrl url, MailLinks links, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Locale.Ui> t)
{
    public async Task<IReadOnlyList<NotificationView>> ReadAsync(WorkspaceDb db, IReadOnlyList<Notification> rows, Recipient reader, CancellationToken ct)
    {
        var seqs = rows.Select(n => n.EventSeq).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => seqs.Contains(e.Seq)).ToDictionaryAsync(e => e.Seq, ct);
        var now = clock.GetUtcNow();
        var words = new MailReader(reader, MeetingZones.Described(reader.TimeZone ?? MeetingZones.Utc), url, links, now, t, onPage: true);
        var described = new Dictionary<(string, string, string), MailSubject>();
        List<NotificationView> views = [];
        foreach (var row in rows)
        {
            var text = row.Text;
            if (catalog.TemplatesOf(row.Kind) is { } templates && events.TryGetValue(row.EventSeq, out var e))
            {
                var key = (row.Kind, row.SubjectKind, row.SubjectId);
                if (!described.TryGetValue(key, out var about))
                {
                    about = described[key] = await templates.DescribeAsync(db, row.Kind, new Subject(row.SubjectKind, row.SubjectId), now.UtcDateTime, ct);
                }

                text = templates.Line(row.Kind, EventKinds.Read(e), about, words) is { } line ? (words.Language == "fr" ? Locale.FrenchTypography.Set(line) : line) : text;
            }

            views.Add(NotificationViews.Of(row) with { Text = text });
        }

        return views;
    }
}
