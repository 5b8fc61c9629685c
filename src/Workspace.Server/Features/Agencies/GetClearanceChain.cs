using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>An agency's clearance chain: its own people and the secretariat may read it.</summary>
public static class GetClearanceChain
{
    public sealed record Query(string AgencyCode) : IQuery<ClearanceChainView>, IOwnAgencyRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, ClearanceChainView>
    {
        public async Task<ClearanceChainView> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Agencies.AnyAsync(a => a.Code == query.AgencyCode, cancellationToken))
            {
                throw new NotFoundException("agency", query.AgencyCode);
            }

            var chain = await db.ClearanceChains.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyCode == query.AgencyCode, cancellationToken);
            return ClearanceChainView.Of(query.AgencyCode, chain);
        }
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapGet("/{code}/clearance-chain", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(code), ct))
            .WithName("GetClearanceChain")
            .WithSummary("An agency's internal clearance chain")
            .WithDescription("The ordered steps (`name`, the `emails` of the people who hold it). The agency's own people or the secretariat; others → 403. No steps: the agency's focal points' word counts as it is.");
}
