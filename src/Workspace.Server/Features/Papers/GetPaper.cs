using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class GetPaper
{
    public sealed record Query(Guid PaperId) : IQuery<PaperView>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db, PaperAccess access) : IRequestHandler<Query, PaperView>
    {
        public async Task<PaperView> Handle(Query query, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(query.PaperId, cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("GetPaper")
            .WithSummary("A paper")
            .WithDescription("State, participants, latest revision, the latest sign-off round with every agency's status, and `allowedActions` for you. Not visible to you → 404.");
}
