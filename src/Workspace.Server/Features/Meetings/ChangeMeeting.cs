using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Papers;
using Workspace.Server.Jobs;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class RescheduleMeeting
{
    public sealed record Body(DateTimeOffset? StartsAt, int? DurationMinutes, string TimeZone);

    public sealed record Command(Guid MeetingId, DateTimeOffset? StartsAt, int? DurationMinutes, string TimeZone) : ICommand<MeetingView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) => MeetingTime.Rules(this, c => c.StartsAt, c => c.DurationMinutes, c => c.TimeZone, clock);
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, UnitOfWork unitOfWork, DeadlineSchedule schedule) : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            meeting.Reschedule(command.StartsAt!.Value.UtcDateTime, command.DurationMinutes!.Value, command.TimeZone, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            unitOfWork.AfterCommit(() => schedule.ScheduleMeeting(meeting.Id, meeting.StartsAt));
            return MeetingView.Of(meeting);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/reschedule", (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(meetingId, body.StartsAt, body.DurationMinutes, body.TimeZone), ct))
            .WithName("RescheduleMeeting")
            .WithSummary("Move a meeting")
            .WithDescription("A new start, duration and time zone; `sequence` grows so calendars update. Those who may convene it; not once started or cancelled (409).");
}

public static class CancelMeeting
{
    public sealed record Command(Guid MeetingId) : ICommand<MeetingView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MeetingId).NotEmpty();
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock) : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            meeting.Cancel(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return MeetingView.Of(meeting);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/cancel", (Guid meetingId, IMediator mediator, CancellationToken ct) => mediator.Send(new Command(meetingId), ct))
            .WithName("CancelMeeting")
            .WithSummary("Cancel a meeting")
            .WithDescription("Status Cancelled, `sequence` grows, and invitations carry STATUS:CANCELLED. Those who may convene it; not once started (409).");
}

public static class AddAgendaItem
{
    public sealed record Body(string Title, string? PresenterAgencyCode);

    public sealed record Command(Guid MeetingId, string Title, string? PresenterAgencyCode) : ICommand<AgendaItemView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.PresenterAgencyCode).MaximumLength(16);
        }
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock) : IRequestHandler<Command, AgendaItemView>
    {
        public async Task<AgendaItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            var item = meeting.AddAgendaItem(command.Title, command.PresenterAgencyCode, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new AgendaItemView(item.Id, item.Position, item.Title, item.PresenterAgencyCode);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/agenda-items", async (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var item = await mediator.Send(new Command(meetingId, body.Title, body.PresenterAgencyCode), ct);
                return TypedResults.Created($"/api/meetings/{meetingId}", item);
            })
            .WithName("AddAgendaItem")
            .WithSummary("Add an agenda item")
            .WithDescription("A title and, optionally, the invited agency presenting it. Those who may convene the meeting.");
}

public static class RecordRsvp
{
    public sealed record Body(RsvpResponse? Response);

    public sealed record Command(Guid MeetingId, RsvpResponse? Response) : ICommand<MeetingView>, IMeetingInviteeRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Response).NotNull().IsInEnum();
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            meeting.RecordRsvp(me.AsActor(), command.Response!.Value, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return MeetingView.Of(meeting);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPut("/{meetingId:guid}/rsvp", (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(meetingId, body.Response), ct))
            .WithName("RecordRsvp")
            .WithSummary("Answer an invitation")
            .WithDescription("Accepted, Declined or Tentative, for yourself. People of invited agencies only.");
}
