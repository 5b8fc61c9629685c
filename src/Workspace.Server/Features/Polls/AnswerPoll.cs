using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Polls;

/// <summary>A focal point of an invited agency says, time by time, whether they can meet.</summary>
public static class AnswerPoll
{
    public sealed record SlotAnswer(Guid? SlotId, PollAnswerKind? Answer);

    public sealed record Body(IReadOnlyList<SlotAnswer>? Answers);

    public sealed record Command(Guid PollId, IReadOnlyList<SlotAnswer>? Answers) : ICommand<PollView>, IPollInviteeRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).NotEmpty().WithMessage("Answer at least one time.")
                .Must(a => a!.Count <= 20).WithMessage("At most 20 answers.")
                .Must(a => a!.All(x => x.SlotId is not null && x.SlotId != Guid.Empty && x.Answer is not null && Enum.IsDefined(x.Answer.Value)))
                .WithMessage("Each answer names a time (slotId) and says Yes, IfNeedBe or No.")
                .Must(a => a!.Select(x => x.SlotId).Distinct().Count() == a!.Count).WithMessage("One answer per time.")
                .When(c => c.Answers is not null, ApplyConditionTo.CurrentValidator);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MeetingAccess meetings, TimeProvider clock) : IRequestHandler<Command, PollView>
    {
        public async Task<PollView> Handle(Command command, CancellationToken cancellationToken)
        {
            var poll = await db.LoadPollAsync(command.PollId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            poll.Answer(command.Answers!.ToDictionary(a => a.SlotId!.Value, a => a.Answer!.Value), me.AsActor(), now);
            await db.SaveChangesAsync(cancellationToken);
            return await poll.ViewAsync(me, meetings, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder polls) =>
        polls.MapPut("/{pollId:guid}/answers", (Guid pollId, Body body, IMediator mediator, CancellationToken ct) => mediator.Send(new Command(pollId, body.Answers), ct))
            .WithName("AnswerPoll")
            .WithSummary("Say when you can meet")
            .WithDescription("`{answers:[{slotId, answer: Yes|IfNeedBe|No}]}` → 200 poll. People of invited agencies (others 403 or 404); your answer to a time replaces your earlier one. After the deadline, or once a time is picked → 409.");
}
