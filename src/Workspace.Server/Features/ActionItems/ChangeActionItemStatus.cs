using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.ActionItems;

/// <summary>The owner agency marks its item done (or dropped, or open again); so may the meeting's convenors and the secretariat.</summary>
public static class ChangeActionItemStatus
{
    public sealed record Body(ActionItemStatus? Status);

    public sealed record Command(Guid ActionItemId, ActionItemStatus? Status) : ICommand<ActionItemView>, IActionItemOwnerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Status).NotNull().IsInEnum();
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, ActionItemAccess access, TimeProvider clock) : IRequestHandler<Command, ActionItemView>
    {
        public async Task<ActionItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var item = await db.LoadActionItemAsync(command.ActionItemId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            item.ChangeStatus(command.Status!.Value, me.AsActor(), now);
            await db.SaveChangesAsync(cancellationToken);
            return await db.ViewAsync(item.Id, access, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapPost("/{actionItemId:guid}/status", (Guid actionItemId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(actionItemId, body.Status), ct))
            .WithName("ChangeActionItemStatus")
            .WithSummary("Mark an action item done, dropped or open")
            .WithDescription("`{status: Open|Done|Dropped}` → 200. The owner agency's people, those who convene the meeting, the secretariat; other viewers 403, anyone else 404.");
}
