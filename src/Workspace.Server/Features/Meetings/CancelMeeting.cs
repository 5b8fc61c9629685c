using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class CancelMeeting
{
    public sealed record Command(Guid MeetingId) : ICommand<MeetingView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MeetingId).NotEmpty();
    }

    internal sealed class Handler(PaperAccess access, WorkspaceDb db, TimeProvider clock, ICurrentUser me) : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            meeting.Cancel(me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return await MeetingView.ForAsync(access, meeting, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/cancel", (Guid meetingId, IMediator mediator, CancellationToken ct) => mediator.Send(new Command(meetingId), ct))
            .WithName("CancelMeeting")
            .WithSummary("Cancel a meeting")
            .WithDescription("Status Cancelled, `sequence` grows, and invitations carry STATUS:CANCELLED. Those who may convene it; not once started (409).");
}
