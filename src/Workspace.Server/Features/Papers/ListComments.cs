using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class ListComments
{
    /// <param name="Skip">Entries to pass over, oldest first.</param>
    /// <param name="Take">Entries at most; null: all (the pages).</param>
    public sealed record Query(Guid PaperId, int Skip = 0, int? Take = null) : IQuery<IReadOnlyList<CommentView>>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<CommentView>>
    {
        public async Task<IReadOnlyList<CommentView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Comments.AsNoTracking().Where(c => c.PaperId == query.PaperId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Skip(query.Skip).Take(query.Take ?? int.MaxValue).ToListAsync(cancellationToken);
            return [.. rows.Select(c => new CommentView(c.Id, c.RevisionNumber, c.Text, c.Author, c.AuthorAgencyCode, c.CreatedAt.AsUtcInstant()))];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/comments", async (Guid paperId, HttpContext http, IMediator mediator, CancellationToken ct, int? limit = null, int? offset = null) =>
            {
                var page = Http.Paging.From(limit, offset);
                return Http.Paging.Answer(http, page, await mediator.Send(new Query(paperId, page.Offset, page.Take), ct));
            })
            .WithName("ListComments")
            .WithSummary("Comments on a paper")
            .WithDescription("The comments, oldest first, with the revision each is about, a page at a time: `limit` (1–500, default 100) from `offset`; `Link: <…>; rel=\"next\"` while more follow.");
}
