using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The lead (or the secretariat) asks every participating agency to sign off on the latest revision by a deadline.</summary>
public static class OpenRound
{
    public sealed record Body(int? Revision, Procedure? Procedure, DateTimeOffset? Deadline);

    public sealed record Command(Guid PaperId, int? Revision, Procedure? Procedure, DateTimeOffset? Deadline) : ICommand<RoundView>, IPaperLeadRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock, IOptions<SignOffOptions> options)
        {
            RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.Procedure).NotNull().IsInEnum();
            RuleFor(c => c.Deadline).NotNull()
                .Must(deadline => deadline > clock.GetUtcNow() + options.Value.MinimumNotice)
                .WithMessage(_ => options.Value.MinimumNotice > TimeSpan.Zero
                    ? $"The deadline is at least {options.Value.MinimumNotice} from now."
                    : "The deadline is in the future.")
                .Must(deadline => deadline <= clock.GetUtcNow().AddYears(1))
                .WithMessage("The deadline is within a year.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock, IOptions<SignOffOptions> options)
        : IRequestHandler<Command, RoundView>
    {
        public async Task<RoundView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var round = paper.OpenRound(command.Revision!.Value, command.Procedure!.Value, command.Deadline!.Value.UtcDateTime,
                me.AsActor(), clock.GetUtcNow().UtcDateTime, options.Value.ReminderHours);
            await db.SaveChangesAsync(cancellationToken);
            return RoundView.Of(round);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/rounds", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var round = await mediator.Send(new Command(paperId, body.Revision, body.Procedure, body.Deadline), ct);
                return TypedResults.Created($"/api/papers/{paperId}", round);
            })
            .WithName("OpenRound")
            .WithSummary("Open a sign-off round")
            .WithDescription("On the latest `revision`, by `procedure` (Unanimous or Silence), with a `deadline` in the future. Lead agency or secretariat; the paper goes to InSignOff and every participating agency is asked.");
}
