using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Notifications;

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
