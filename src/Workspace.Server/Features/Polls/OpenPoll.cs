using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Polls;

/// <summary>
/// Those who may convene a meeting propose several times for it, in their zone, and ask the invited agencies
/// when they can meet, by a deadline.
/// </summary>
public static class OpenPoll
{
    public sealed record Command(string? Title, MeetingKind? Kind, Guid? WorkingGroupId, string? TimeZone, int? DurationMinutes, IReadOnlyList<DateTimeOffset>? Slots,
        IReadOnlyList<string>? InvitedAgencyCodes, DateTimeOffset? Deadline) : ICommand<PollView>, IConveneRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db, TimeProvider clock)
        {
            Convening.Rules(this, c => c.Title, c => c.Kind, c => c.WorkingGroupId, c => c.InvitedAgencyCodes, db);
            RuleFor(c => c.TimeZone).Must(MeetingZones.IsAccepted).WithMessage("A canonical IANA time zone such as Europe/Vienna, America/New_York or UTC.");
            RuleFor(c => c.DurationMinutes).NotNull().InclusiveBetween(1, 7 * 24 * 60).WithMessage("A meeting lasts from 1 minute to 7 days.");
            RuleFor(c => c.Slots).NotEmpty().WithMessage("Propose at least one time.")
                .Must(s => s!.Count <= 20).WithMessage("At most 20 times.")
                .Must(s => s!.All(t => t > clock.GetUtcNow() && t < clock.GetUtcNow().AddYears(5))).WithMessage("Every time proposed is in the future, within five years.")
                .When(c => c.Slots is not null, ApplyConditionTo.CurrentValidator);
            RuleFor(c => c.Deadline).NotNull().Must(d => d > clock.GetUtcNow()).WithMessage("The deadline for answers is in the future.")
                .Must((c, d) => c.Slots is not { Count: > 0 } slots || d <= slots.Max()).WithMessage("The deadline for answers is no later than the last time proposed.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MeetingAccess meetings, TimeProvider clock) : IRequestHandler<Command, PollView>
    {
        public async Task<PollView> Handle(Command command, CancellationToken cancellationToken)
        {
            var invited = await Convening.InviteesAsync(db, command.Kind!.Value, command.WorkingGroupId, command.InvitedAgencyCodes, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var poll = Poll.Open(command.Title!, command.Kind.Value, command.WorkingGroupId, command.TimeZone!, command.DurationMinutes!.Value,
                command.Slots!.Select(s => s.UtcDateTime), invited, command.Deadline!.Value.UtcDateTime, me.AsActor(), now);
            db.Polls.Add(poll);
            await db.SaveChangesAsync(cancellationToken);
            return await poll.ViewAsync(me, meetings, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder polls) =>
        polls.MapPost("", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var poll = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/polls/{poll.Id}", poll);
            })
            .WithName("OpenPoll")
            .WithSummary("Propose times for a meeting")
            .WithDescription("`{title, kind, workingGroupId?, timeZone, durationMinutes, slots:[startsAt…], invitedAgencyCodes?, deadline}` → 201 `{id, slots:[{id, startsAt, answers}], status: Open, meetingId: null, …}`. The same people as convening the meeting; invited agencies default as for a meeting. Times in the past, a deadline past or after the last time → 400.");
}
