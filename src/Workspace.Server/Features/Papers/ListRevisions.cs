using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class ListRevisions
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<RevisionSummary>>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<RevisionSummary>>
    {
        public async Task<IReadOnlyList<RevisionSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Revisions.AsNoTracking().Where(r => r.PaperId == query.PaperId).OrderBy(r => r.Number)
                .Select(r => new { r.Number, r.ContentHash, r.Author, r.CreatedAt }).ToListAsync(cancellationToken);
            return [.. rows.Select(r => new RevisionSummary(r.Number, r.ContentHash, r.Author, r.CreatedAt.AsUtcInstant()))];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/revisions", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("ListRevisions")
            .WithSummary("Every revision of a paper")
            .WithDescription("Number, content hash, author and time of each revision, oldest first (no bodies).");
}
