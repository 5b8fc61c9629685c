using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Events;

/// <summary>Recomputes the hash chain of the whole event log: any altered, inserted or removed row breaks it.</summary>
public static class VerifyAudit
{
    public sealed record Query : IQuery<AuditView>, ISecretariatRequest;

    /// <param name="Ok">Whether every row and the head agree.</param>
    /// <param name="Events">Rows checked.</param>
    /// <param name="Head">The hash of the last row.</param>
    /// <param name="FirstBrokenSeq">Where the chain first breaks, when it does.</param>
    public sealed record AuditView(bool Ok, long Events, string Head, long? FirstBrokenSeq);

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, AuditView>
    {
        private const int Page = 5000;

        public async Task<AuditView> Handle(Query query, CancellationToken cancellationToken)
        {
            long count = 0, expectedSeq = 1;
            var previousHash = "";
            long? broken = null;
            while (true)
            {
                var after = expectedSeq - 1;
                var rows = await db.Events.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(Page).ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    count++;
                    if (broken is null && (row.Seq != expectedSeq || row.PreviousHash != previousHash || row.Hash != row.ExpectedHash()))
                    {
                        broken = Math.Min(row.Seq, expectedSeq);
                    }

                    expectedSeq = row.Seq + 1;
                    previousHash = row.Hash;
                }

                if (rows.Count < Page)
                {
                    break;
                }
            }

            var head = await db.EventLogHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (broken is null && ((head?.Seq ?? 0) != expectedSeq - 1 || (head?.Hash ?? "") != previousHash))
            {
                // The head records the last append: a shorter log means rows were removed from its end.
                broken = expectedSeq;
            }

            return new AuditView(broken is null, count, previousHash, broken);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit/verify", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithTags("Events")
            .WithName("VerifyAudit")
            .WithSummary("Verify the event log (secretariat)")
            .WithDescription("Recomputes the hash chain: `ok` is false when any row was altered, inserted or removed; `firstBrokenSeq` says where.");
}
