using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class RescheduleMeeting
{
    public sealed record Body(DateTimeOffset? StartsAt, int? DurationMinutes, string TimeZone, string? Venue = null, string? OnlineUrl = null);

    /// <param name="Venue">The new venue; null keeps it, empty clears it.</param>
    /// <param name="OnlineUrl">The new link to join; null keeps it, empty clears it.</param>
    public sealed record Command(Guid MeetingId, DateTimeOffset? StartsAt, int? DurationMinutes, string TimeZone, string? Venue = null, string? OnlineUrl = null)
        : ICommand<MeetingView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            MeetingTime.Rules(this, c => c.StartsAt, c => c.DurationMinutes, c => c.TimeZone, clock);
            MeetingTime.PlaceRules(this, c => c.Venue, c => c.OnlineUrl);
        }
    }

    internal sealed class Handler(PaperAccess access, WorkspaceDb db, TimeProvider clock, ICurrentUser me) : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            meeting.Reschedule(command.StartsAt!.Value.UtcDateTime, command.DurationMinutes!.Value, command.TimeZone, me.AsActor(), clock.GetUtcNow().UtcDateTime,
                new Domain.Meetings.MeetingPlace(command.Venue, command.OnlineUrl));
            await db.SaveChangesAsync(cancellationToken);
            return await MeetingView.ForAsync(access, meeting, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/reschedule", (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(meetingId, body.StartsAt, body.DurationMinutes, body.TimeZone, body.Venue, body.OnlineUrl), ct))
            .WithName("RescheduleMeeting")
            .WithSummary("Move a meeting")
            .WithDescription("A new start, duration and time zone, and `venue` or `onlineUrl` where they change (absent: kept; empty: cleared); `sequence` grows so calendars update. Those who may convene it; not once started or cancelled (409).");
}
