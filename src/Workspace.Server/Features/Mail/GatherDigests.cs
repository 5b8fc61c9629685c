using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Mail;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Mail;

/// <summary>
/// The morning digest: for each person with mail held for a digest, once 08:00 in their own zone has come since the
/// oldest item waiting, one message gathering every item waiting (by the injected clock). Each item goes into one
/// digest only: it is marked with the digest in the same transaction the digest is written in.
/// </summary>
public static class GatherDigests
{
    public static readonly TimeOnly At = new(8, 0);

    public sealed record Command : ICommand<int>, ISystemRequest;

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, MailComposer composer, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var waiting = await db.OutgoingMail.AsNoTracking()
                .Where(m => m.HeldForDigest && m.DigestId == null && m.GivenUpAt == null && m.PersonId != null)
                .GroupBy(m => m.PersonId).Select(g => new { PersonId = g.Key!.Value, Oldest = g.Min(m => m.CreatedAt) })
                .ToListAsync(cancellationToken);
            var written = 0;
            foreach (var person in waiting)
            {
                var to = await db.Users.AsNoTracking().Where(p => p.Id == person.PersonId)
                    .Select(p => new Recipient(p.Id, p.Email!, p.DisplayName, p.AgencyCode, p.TimeZone, p.Language, MailMode.Digest))
                    .SingleOrDefaultAsync(cancellationToken);
                if (to is null || now < NextDigest(person.Oldest, to.TimeZone))
                {
                    continue;
                }

                var items = await db.OutgoingMail
                    .Where(m => m.PersonId == person.PersonId && m.HeldForDigest && m.DigestId == null && m.GivenUpAt == null && m.CreatedAt <= now)
                    .OrderBy(m => m.EventSeq).ToListAsync(cancellationToken);
                var digest = composer.ComposeDigest(to, items, now);
                db.OutgoingMail.Add(digest);
                items.ForEach(i => i.DigestId = digest.Id);
                written++;
            }

            await db.SaveChangesAsync(cancellationToken);
            return written;
        }
    }

    /// <summary>The first 08:00, in the person's zone, after <paramref name="since"/>.</summary>
    public static DateTime NextDigest(DateTime since, string? zone)
    {
        var described = MeetingZones.Described(zone ?? MeetingZones.Utc);
        var local = Locale.Times.In(new DateTimeOffset(since, TimeSpan.Zero), described);
        var at = local.Date + At.ToTimeSpan();
        return Locale.Times.Instant(at > local ? at : at.AddDays(1), described).UtcDateTime;
    }
}
