using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.WorkingGroups;

public static class GetWorkingGroup
{
    public sealed record Query(Guid Id) : IQuery<WorkingGroupView>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, WorkingGroupView>
    {
        public async Task<WorkingGroupView> Handle(Query query, CancellationToken cancellationToken) =>
            await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == query.Id, cancellationToken) is { } group
                ? WorkingGroupView.From(group)
                : throw new NotFoundException("working group", query.Id.ToString());
    }

    public static void Map(RouteGroupBuilder groups) =>
        groups.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(id), ct))
            .WithName("GetWorkingGroup")
            .WithSummary("A working group")
            .WithDescription("Its name, lead agency and member agencies.");
}
