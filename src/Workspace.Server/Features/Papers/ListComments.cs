using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class ListComments
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<CommentView>>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<CommentView>>
    {
        public async Task<IReadOnlyList<CommentView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Comments.AsNoTracking().Where(c => c.PaperId == query.PaperId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
            return [.. rows.Select(c => new CommentView(c.Id, c.RevisionNumber, c.Text, c.Author, c.AuthorAgencyCode, c.CreatedAt.AsUtcInstant()))];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/comments", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("ListComments")
            .WithSummary("Comments on a paper")
            .WithDescription("Every comment, oldest first, with the revision it is about.");
}
