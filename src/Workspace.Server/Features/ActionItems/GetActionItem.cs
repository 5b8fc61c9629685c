using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.ActionItems;

public static class GetActionItem
{
    public sealed record Query(Guid ActionItemId) : IQuery<ActionItemView>, IActionItemViewerRequest;

    internal sealed class Handler(WorkspaceDb db, ActionItemAccess access, TimeProvider clock) : IRequestHandler<Query, ActionItemView>
    {
        public Task<ActionItemView> Handle(Query query, CancellationToken cancellationToken) =>
            db.ViewAsync(query.ActionItemId, access, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("/{actionItemId:guid}", (Guid actionItemId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(actionItemId), ct))
            .WithName("GetActionItem")
            .WithSummary("One action item, with its comments")
            .WithDescription("The meeting's invited agencies and the secretariat; anyone else 404.");
}
