using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class RecordRsvp
{
    public sealed record Body(RsvpResponse? Response);

    public sealed record Command(Guid MeetingId, RsvpResponse? Response) : ICommand<MeetingView>, IMeetingInviteeRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Response).NotNull().IsInEnum();
    }

    internal sealed class Handler(PaperAccess access, WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            meeting.RecordRsvp(me.AsActor(), command.Response!.Value, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return await MeetingView.ForAsync(access, meeting, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPut("/{meetingId:guid}/rsvp", (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(meetingId, body.Response), ct))
            .WithName("RecordRsvp")
            .WithSummary("Answer an invitation")
            .WithDescription("Accepted, Declined or Tentative, for yourself. People of invited agencies only.");
}
