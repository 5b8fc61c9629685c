using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>Every sign-off round of a paper, newest first, with each agency's last word in it.</summary>
public static class ListRounds
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<RoundView>>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<RoundView>>
    {
        public async Task<IReadOnlyList<RoundView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rounds = await db.Rounds.AsNoTracking().Include(r => r.Agencies)
                .Where(r => r.PaperId == query.PaperId).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
            return [.. rounds.Select(r => RoundView.Of(r) with
            {
                Dispositions = r.FrozenDispositions is { } matrix
                    ? System.Text.Json.JsonSerializer.Deserialize<IReadOnlyList<GetDispositions.DispositionView>>(matrix, OpenRound.Handler.Matrix) : [],
            })];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/rounds", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("ListRounds")
            .WithSummary("Every sign-off round of a paper")
            .WithDescription("Newest first: revision, content hash, procedure, deadline, status and each agency's last word in the round, and `dispositions`: the comments matrix as it stood when the round opened.");
}
