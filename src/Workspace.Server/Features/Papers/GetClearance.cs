using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>Where my agency's internal clearance of a paper stands, with every step's word: for my agency's eyes only.</summary>
public static class GetClearance
{
    public sealed record Query(Guid PaperId) : IQuery<ClearanceView>, IPaperParticipantRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, ClearanceView>
    {
        public async Task<ClearanceView> Handle(Query query, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(query.PaperId, cancellationToken);
            return paper.CurrentRound is { } round
                ? await ClearanceView.ForAsync(db, round, me.AgencyCode, cancellationToken)
                : throw new NotFoundException("round", $"{query.PaperId}/latest");
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/clearances", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("GetClearance")
            .WithSummary("My agency's internal clearance of the latest round")
            .WithDescription("The steps as the round took them, which have cleared, the step the text waits for, and every step's word with its comment. Participating agencies' people, for their own agency only; a paper without a round → 404.");
}
