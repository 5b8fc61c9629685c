using Workspace.Server.Data;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class GetMeeting
{
    public sealed record Query(Guid MeetingId) : IQuery<MeetingView>, IMeetingViewerRequest;

    internal sealed class Handler(WorkspaceDb db, PaperAccess access) : IRequestHandler<Query, MeetingView>
    {
        public async Task<MeetingView> Handle(Query query, CancellationToken cancellationToken) =>
            await MeetingView.ForAsync(access, await db.LoadMeetingAsync(query.MeetingId, cancellationToken), cancellationToken);
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}", (Guid meetingId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(meetingId), ct))
            .WithName("GetMeeting")
            .WithSummary("A meeting")
            .WithDescription("With its agenda, every answer, status and sequence. Not invited → 404.");
}
