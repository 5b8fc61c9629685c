using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A revision's text as the blocks people cite and comment on, each with the id it keeps across revisions.</summary>
public static class GetRevisionBlocks
{
    public sealed record Query(Guid PaperId, int Number) : IQuery<IReadOnlyList<BlockView>>, IPaperViewerRequest, IReadsProjections;

    /// <param name="Id">Stable across revisions while the block lives.</param>
    /// <param name="Number">The number people cite in this revision ("¶ 12").</param>
    public sealed record BlockView(string Id, int Number, BlockKind Kind, string Text);

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<BlockView>>
    {
        public async Task<IReadOnlyList<BlockView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Revisions.AnyAsync(r => r.PaperId == query.PaperId && r.Number == query.Number, cancellationToken))
            {
                throw new NotFoundException("revision", $"{query.PaperId}/{query.Number}");
            }

            return await db.RevisionBlocks.AsNoTracking().Where(b => b.PaperId == query.PaperId && b.Revision == query.Number)
                .OrderBy(b => b.Index).Select(b => new BlockView(b.BlockId, b.Number, b.Kind, b.Text)).ToListAsync(cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/revisions/{number:int}/blocks", (Guid paperId, int number, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(paperId, number), ct))
            .WithName("GetRevisionBlocks")
            .WithSummary("One revision's blocks")
            .WithDescription("In order: `{id, number, kind, text}` for each heading, paragraph, list item and table row (`Other`: code). `id` stays the same across revisions while the block lives (matched by the diff, or by its words when it changed, split, merged or moved); `number` is the one people cite in this revision. `text` is the block's markdown (a heading without its `#`, an item without its marker). Same visibility as the revision.");
}
