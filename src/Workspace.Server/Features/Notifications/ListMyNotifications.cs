using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Notifications;

/// <summary>What the signed-in person has been told: rounds opened for their agency, reminders, outcomes, publications.</summary>
public static class ListMyNotifications
{
    public sealed record Query(bool UnreadOnly = false, int Skip = 0, int Take = 200) : IQuery<IReadOnlyList<NotificationView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, LogReactions reactions, NoticeLines lines) : IRequestHandler<Query, IReadOnlyList<NotificationView>>
    {
        /// <summary>How long a reader waits for the notifications of what has just happened (written just after commit).</summary>
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

        public async Task<IReadOnlyList<NotificationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            await reactions.CaughtUpAsync(db, Wait, cancellationToken);
            var rows = await db.Notifications.AsNoTracking()
                .Where(n => n.PersonId == me.Id && (!query.UnreadOnly || n.ReadAt == null))
                .OrderByDescending(n => n.EventSeq).ThenBy(n => n.Id).Skip(query.Skip).Take(query.Take)
                .ToListAsync(cancellationToken);
            return await lines.ReadAsync(db, rows, await NoticeLines.ReaderAsync(db, me, cancellationToken), cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/notifications", async (HttpContext http, IMediator mediator, CancellationToken ct, bool unreadOnly = false, int? limit = null, int? offset = null) =>
            {
                var page = Http.Paging.From(limit, offset);
                return Http.Paging.Answer(http, page, await mediator.Send(new Query(unreadOnly, page.Offset, page.Take), ct));
            })
            .WithName("ListMyNotifications")
            .WithSummary("My notifications")
            .WithDescription("Newest first, a page at a time: `limit` (1–500, default 100) from `offset`; `Link: <…>; rel=\"next\"` while more follow. `unreadOnly=true` for the unread ones.");
}
