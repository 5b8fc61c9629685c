using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

public static class GetAgency
{
    public sealed record Query(string Code) : IQuery<AgencyProfile>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, AgencyProfile>
    {
        public async Task<AgencyProfile> Handle(Query query, CancellationToken cancellationToken) =>
            await db.LoadProfileAsync(query.Code, cancellationToken) ?? throw new NotFoundException("agency", query.Code);
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapGet("/{code}", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(code), ct))
            .WithName("GetAgency")
            .WithSummary("An agency's profile")
            .WithDescription("Code, name, mandate, thematic priorities and focal points of one member agency.");
}
