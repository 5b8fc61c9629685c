using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.WorkingGroups;

public static class ListWorkingGroups
{
    public sealed record Query : IQuery<IReadOnlyList<WorkingGroupView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<WorkingGroupView>>
    {
        public async Task<IReadOnlyList<WorkingGroupView>> Handle(Query query, CancellationToken cancellationToken) =>
            (await db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken)).Select(WorkingGroupView.From).ToList();
    }

    public static void Map(RouteGroupBuilder groups) =>
        groups.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("ListWorkingGroups")
            .WithSummary("Working groups")
            .WithDescription("Every working group with its lead and member agencies, by name.");
}
