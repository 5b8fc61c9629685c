using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Notifications;

/// <summary>What the signed-in person has been told: rounds opened for their agency, reminders, outcomes, publications.</summary>
public static class ListMyNotifications
{
    public sealed record Query(bool UnreadOnly = false, int Skip = 0, int Take = 200) : IQuery<IReadOnlyList<NotificationView>>, ISignedInRequest, IReadsProjections;

    /// <remarks>The notifications of what has just happened are written just after commit: the pipeline waits for them (<see cref="IReadsProjections"/>).</remarks>
    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, Components.Viewer viewer, NoticeLines lines) : IRequestHandler<Query, IReadOnlyList<NotificationView>>
    {
        public async Task<IReadOnlyList<NotificationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Notifications.AsNoTracking()
                .Where(n => n.PersonId == me.Id && (!query.UnreadOnly || n.ReadAt == null))
                .OrderByDescending(n => n.EventSeq).ThenBy(n => n.Id).Skip(query.Skip).Take(query.Take)
                .ToListAsync(cancellationToken);
            var reader = new Server.Mail.Recipient(me.Id, me.Email, me.DisplayName, me.AgencyCode, await viewer.ZoneAsync(cancellationToken),
                System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            return await lines.ReadAsync(db, rows, reader, cancellationToken);
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
