using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.ActionItems;

/// <summary>The action items the caller may see, across meetings, soonest due first: filtered by owner agency, overdue, meeting, status.</summary>
public static class ListActionItems
{
    public sealed record Query(string? Agency, bool? Overdue, Guid? MeetingId, ActionItemStatus? Status) : IQuery<IReadOnlyList<ActionItemView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ActionItemAccess access, TimeProvider clock)
        : IRequestHandler<Query, IReadOnlyList<ActionItemView>>
    {
        public async Task<IReadOnlyList<ActionItemView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var items = access.Visible(db.ActionItems);
            if (!string.IsNullOrEmpty(query.Agency))
            {
                items = items.Where(a => a.OwnerAgencyCode == query.Agency);
            }

            if (query.MeetingId is { } meetingId)
            {
                items = items.Where(a => a.MeetingId == meetingId);
            }

            if (query.Status is { } status)
            {
                items = items.Where(a => a.Status == status);
            }

            items = query.Overdue switch
            {
                true => items.Where(a => a.Status == ActionItemStatus.Open && a.DueAt <= now),
                false => items.Where(a => a.Status != ActionItemStatus.Open || a.DueAt > now),
                null => items,
            };
            return await items.OrderBy(a => a.DueAt).ThenBy(a => a.CreatedAt).ForAsync(db, access, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("", (string? agency, bool? overdue, Guid? meetingId, ActionItemStatus? status, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(agency?.ToUpperInvariant(), overdue, meetingId, status), ct))
            .WithName("ListActionItems")
            .WithSummary("Action items across meetings")
            .WithDescription("Those of the meetings you are invited to (the secretariat: all), soonest due first. `agency`: the owner; `overdue=true`: open and past the due day; `meetingId`; `status` (Open, Done, Dropped).");
}
