using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>One meeting, to import into a calendar: published (the reader's copy), not an invitation from the organizer.</summary>
public static class GetMeetingInvitation
{
    public sealed record Query(Guid MeetingId) : IQuery<GetMeetingInvitation.Result>, IMeetingViewerRequest;

    public sealed record Result(string Calendar, string FileName);

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, Http.PublicUrl site) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(query.MeetingId, cancellationToken);
            return new(await MeetingCalendar.WriteAsync(db, [meeting], "PUBLISH", clock.GetUtcNow().UtcDateTime, site.Base, cancellationToken),
                MeetingCalendar.FileName(meeting.Title));
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}/ics", async (Guid meetingId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var (calendar, fileName) = await mediator.Send(new Query(meetingId), ct);
                http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
                return Results.Text(calendar, MeetingCalendar.ContentType);
            })
            .WithName("GetMeetingInvitation")
            .WithSummary("A meeting as an iCalendar file")
            .WithDescription("text/calendar (RFC 5545), METHOD:PUBLISH (the reader's copy: calendars do not take it for an invitation from the organizer), STATUS:CANCELLED once cancelled; UID stable, SEQUENCE the meeting's; LOCATION the venue, URL the meeting's page, DESCRIPTION the agenda; saved under a name from the title. Mailed invitations are METHOD:REQUEST or CANCEL.")
            .Produces<string>(contentType: "text/calendar");
}
