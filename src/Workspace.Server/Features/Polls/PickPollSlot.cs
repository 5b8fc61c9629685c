using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Polls;

/// <summary>The organizer picks a time: the meeting is scheduled from it in the same step, and its invitations go out.</summary>
public static class PickPollSlot
{
    public sealed record Body(Guid? SlotId);

    public sealed record Command(Guid PollId, Guid? SlotId) : ICommand<PollView>, IPollOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.SlotId).NotNull().NotEqual(Guid.Empty);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MeetingAccess meetings, TimeProvider clock) : IRequestHandler<Command, PollView>
    {
        public async Task<PollView> Handle(Command command, CancellationToken cancellationToken)
        {
            var poll = await db.LoadPollAsync(command.PollId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            db.Meetings.Add(poll.Pick(command.SlotId!.Value, me.AsActor(), now));
            await db.SaveChangesAsync(cancellationToken);
            return await poll.ViewAsync(me, meetings, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder polls) =>
        polls.MapPost("/{pollId:guid}/pick", (Guid pollId, Body body, IMediator mediator, CancellationToken ct) => mediator.Send(new Command(pollId, body.SlotId), ct))
            .WithName("PickPollSlot")
            .WithSummary("Pick a time and schedule the meeting")
            .WithDescription("`{slotId}` → 200 poll, `status: Closed`, with `meetingId`: the meeting scheduled from that time for the poll's invited agencies, in the poll's zone. Those who may convene it; a time already passed or a closed poll → 409.");
}
