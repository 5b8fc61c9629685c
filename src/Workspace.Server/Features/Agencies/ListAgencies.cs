using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

public static class ListAgencies
{
    public sealed record Query : IQuery<IReadOnlyList<AgencySummary>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<AgencySummary>>
    {
        public async Task<IReadOnlyList<AgencySummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new AgencySummary(a.Code, a.Name)).ToListAsync(cancellationToken);
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("ListAgencies")
            .WithSummary("Member agencies")
            .WithDescription("Every member agency's code and name, by code.");
}
