using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Anyone who sees an action item says where it stands.</summary>
public static class CommentOnActionItem
{
    public sealed record Body(string? Text);

    public sealed record Command(Guid ActionItemId, [property: MultiLine] string? Text) : ICommand<ActionItemView>, IActionItemViewerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, ActionItemAccess access, TimeProvider clock) : IRequestHandler<Command, ActionItemView>
    {
        public async Task<ActionItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var item = await db.LoadActionItemAsync(command.ActionItemId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            item.Comment(command.Text!, me.AsActor(), now);
            await db.SaveChangesAsync(cancellationToken);
            return await db.ViewAsync(item.Id, access, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapPost("/{actionItemId:guid}/comments", async (Guid actionItemId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var item = await mediator.Send(new Command(actionItemId, body.Text), ct);
                return TypedResults.Created($"/api/action-items/{item.Id}", item);
            })
            .WithName("CommentOnActionItem")
            .WithSummary("Comment on an action item")
            .WithDescription("`{text}` → 201 with the item and its comments. Anyone who sees it.");
}
