using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>One meeting's invitation, to import into a calendar.</summary>
public static class GetMeetingInvitation
{
    public sealed record Query(Guid MeetingId) : IQuery<string>, IMeetingViewerRequest;

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(query.MeetingId, cancellationToken);
            var method = meeting.Status == MeetingStatus.Cancelled ? "CANCEL" : "REQUEST";
            return await MeetingCalendar.WriteAsync(db, [meeting], method, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}/ics", async (Guid meetingId, IMediator mediator, CancellationToken ct) =>
                Results.Text(await mediator.Send(new Query(meetingId), ct), MeetingCalendar.ContentType))
            .WithName("GetMeetingInvitation")
            .WithSummary("A meeting as an iCalendar invitation")
            .WithDescription("text/calendar (RFC 5545), METHOD:REQUEST, or CANCEL once cancelled; UID stable, SEQUENCE the meeting's.")
            .Produces<string>(contentType: "text/calendar");
}
