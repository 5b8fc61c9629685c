using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Notifications;

public static class MarkNotificationRead
{
    public sealed record Command(Guid NotificationId) : ICommand<NotificationView>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.NotificationId).NotEmpty();
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, NotificationView>
    {
        public async Task<NotificationView> Handle(Command command, CancellationToken cancellationToken)
        {
            // Another person's notification is as absent as one that never existed.
            var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.PersonId == me.Id, cancellationToken)
                ?? throw new NotFoundException("notification", command.NotificationId.ToString());
            notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return NotificationViews.Of(notification);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/notifications/{id:guid}/read", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new Command(id), ct))
            .WithName("MarkNotificationRead")
            .WithSummary("Mark a notification read")
            .WithDescription("Answers the notification with `read: true`. Not yours → 404.");
}
