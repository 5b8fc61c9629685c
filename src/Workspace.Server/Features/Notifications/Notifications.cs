using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Notifications;

public sealed record SubjectRef(string Kind, string Id);

public sealed record NotificationView(Guid Id, string Kind, string Text, SubjectRef Subject, DateTimeOffset CreatedAt, bool Read);

/// <summary>What the signed-in person has been told: rounds opened for their agency, reminders, outcomes, publications.</summary>
public static class ListMyNotifications
{
    public sealed record Query(bool UnreadOnly = false) : IQuery<IReadOnlyList<NotificationView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<NotificationView>>
    {
        public async Task<IReadOnlyList<NotificationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Notifications.AsNoTracking()
                .Where(n => n.PersonId == me.Id && (!query.UnreadOnly || n.ReadAt == null))
                .OrderByDescending(n => n.EventSeq).Take(200)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(NotificationViews.Of)];
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/notifications", (IMediator mediator, CancellationToken ct, bool unreadOnly = false) => mediator.Send(new Query(unreadOnly), ct))
            .WithName("ListMyNotifications")
            .WithSummary("My notifications")
            .WithDescription("Newest first (at most 200); `unreadOnly=true` for the unread ones.");
}

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

internal static class NotificationViews
{
    public static NotificationView Of(Notification n) =>
        new(n.Id, n.Kind, n.Text, new SubjectRef(n.SubjectKind, n.SubjectId), n.CreatedAt.AsUtcInstant(), n.ReadAt is not null);
}
