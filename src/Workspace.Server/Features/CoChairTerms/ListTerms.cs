using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.CoChairTerms;

public static class ListTerms
{
    public sealed record Query : IQuery<IReadOnlyList<CoChairTermView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<CoChairTermView>>
    {
        public async Task<IReadOnlyList<CoChairTermView>> Handle(Query query, CancellationToken cancellationToken) =>
            (await db.CoChairTerms.AsNoTracking().OrderBy(t => t.From).ToListAsync(cancellationToken)).Select(CoChairTermView.Of).ToList();
    }

    public static void Map(RouteGroupBuilder terms) =>
        terms.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("ListCoChairTerms")
            .WithSummary("Every co-chair term")
            .WithDescription("Past, current and future terms, earliest first.");
}
