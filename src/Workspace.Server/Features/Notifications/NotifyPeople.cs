using Hangfire;
using Workspace.Server.Data;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// Tells people of what concerns them, after the event is committed: one notification for every person of the
/// agencies an event's notice names (but those it excludes), and, for the kinds that are mailed, one message each
/// in the outbox, in their language and zone and as they chose to take that kind. Once per (event, person): the rows
/// and the checkpoint commit together (<see cref="LogReactions"/>), and a notification is unique per event and person.
/// </summary>
internal sealed class NotifyPeople(MailComposer mail, MailCatalog catalog, MailDelivery delivery, IBackgroundJobClient jobs, TimeProvider clock) : ILogReaction
{
    public string Name => "notices";

    public IQueryable<EventRecord> Filter(IQueryable<EventRecord> events) => events.Where(e => e.Notice != null);

    public async Task ReactAsync(WorkspaceDb db, IReadOnlyList<EventRecord> events, CancellationToken ct)
    {
        var notices = events.Select(e => (Event: e, Logged: e.ReadNotice()!)).ToList();
        var codes = notices.SelectMany(n => n.Logged.Notice.AgencyCodes).Distinct(StringComparer.Ordinal).ToList();
        var people = await db.Users.AsNoTracking().Where(p => codes.Contains(p.AgencyCode))
            .Select(p => new Recipient(p.Id, p.Email!, p.DisplayName, p.AgencyCode, p.TimeZone, p.Language, MailMode.Immediate)).ToListAsync(ct);
        var byAgency = people.ToLookup(p => p.AgencyCode, StringComparer.Ordinal);
        var ids = people.Select(p => p.Id).ToList();
        var choices = (await db.MailChoices.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToListAsync(ct))
            .ToDictionary(c => (c.PersonId, c.Kind), c => c.Mode);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var (e, logged) in notices)
        {
            var notice = logged.Notice;
            var except = new HashSet<string>(notice.ExceptEmails ?? [], StringComparer.OrdinalIgnoreCase);
            var only = notice.OnlyEmails is { } emails ? new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase) : null;
            var told = notice.AgencyCodes.Distinct(StringComparer.Ordinal).SelectMany(code => byAgency[code])
                .Where(p => !except.Contains(p.Email) && (only is null || only.Contains(p.Email))).ToList();
            db.Notifications.AddRange(told.Select(person => new Notification
            {
                PersonId = person.Id,
                EventSeq = e.Seq,
                Kind = notice.Kind,
                Text = notice.Text,
                SubjectKind = e.SubjectKind,
                SubjectId = e.SubjectId,
                CreatedAt = e.OccurredAt,
            }));

            if (logged.Mailed && catalog.Find(notice.Kind) is { } kind && catalog.TemplatesOf(notice.Kind) is { } templates && told.Count > 0)
            {
                var data = EventKinds.Read(e);
                var about = await templates.PrepareAsync(db, notice.Kind, new Subject(e.SubjectKind, e.SubjectId), now, ct);
                db.OutgoingMail.AddRange(told
                    .Select(person => mail.Compose(notice.Kind, e.Seq, data, about, person with { Mode = choices.GetValueOrDefault((person.Id, kind.Name), kind.Default) }, now))
                    .OfType<OutgoingMail>());
            }
        }
    }

    public void Committed(WorkspaceDb db)
    {
        if (db.ChangeTracker.Entries<OutgoingMail>().Any(m => !m.Entity.HeldForDigest))
        {
            delivery.Request(jobs);
        }
    }
}
