using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// Splits each new revision into its blocks after commit, carrying the ids of the revision before (<see cref="Blocks"/>),
/// in the order of the log, so every revision's blocks follow from its predecessor's, and moves the drafts and sent
/// comments and suggestions to it (or marks them out of date). On a database from before, its first run goes through
/// every revision once.
/// </summary>
internal sealed class RevisionBlocksProjection : ILogReaction
{
    public string Name => "revision-blocks";

    public IQueryable<EventRecord> Filter(IQueryable<EventRecord> events) => events.Where(e => e.Type == RevisionAdded.Type);

    public async Task ReactAsync(WorkspaceDb db, IReadOnlyList<EventRecord> events, CancellationToken ct)
    {
        var made = new Dictionary<(Guid, int), IReadOnlyList<Block>>();
        foreach (var e in events)
        {
            if (!e.TryRead<RevisionAdded>(out var added) || made.ContainsKey((added.PaperId, added.Number))
                || await db.RevisionBlocks.AnyAsync(b => b.PaperId == added.PaperId && b.Revision == added.Number, ct))
            {
                continue;
            }

            var body = await db.Revisions.Where(r => r.PaperId == added.PaperId && r.Number == added.Number).Select(r => r.Body).SingleOrDefaultAsync(ct);
            if (body is null)
            {
                continue;
            }

            var previous = made.GetValueOrDefault((added.PaperId, added.Number - 1))
                ?? [.. (await db.RevisionBlocks.AsNoTracking().Where(b => b.PaperId == added.PaperId && b.Revision == added.Number - 1)
                    .OrderBy(b => b.Index).ToListAsync(ct)).Select(b => b.ToBlock())];
            var blocks = Blocks.Of(body, added.Number, previous);
            made[(added.PaperId, added.Number)] = blocks;
            db.RevisionBlocks.AddRange(blocks.Select(b => new RevisionBlock
            {
                PaperId = added.PaperId,
                Revision = added.Number,
                Index = b.Index,
                BlockId = b.Id,
                Number = b.Number,
                Kind = b.Kind,
                Text = b.Text,
                Start = b.Start,
            }));

            // Drafts and sent items move to the new revision while their passage stands there unchanged; the others are out of date.
            var following = await db.Annotations
                .Where(a => a.PaperId == added.PaperId && a.Revision < added.Number && (a.Status == AnnotationStatus.Draft || a.Status == AnnotationStatus.Open))
                .ToListAsync(ct);
            foreach (var annotation in following)
            {
                annotation.Follow(added.Number, blocks);
            }
        }
    }

    public void Committed(WorkspaceDb db)
    {
    }
}
