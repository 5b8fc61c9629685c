using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// One step of my agency's internal clearance approves the open round's exact text, or sends it back with a
/// reason. The last step's approval is the agency's Approve.
/// </summary>
public static class RecordClearance
{
    /// <param name="Contribution">The step clears my agency's contribution of comments and suggestions on <paramref name="Revision"/>, not the round's text.</param>
    public sealed record Body(int? Revision, string? ContentHash, string? Step, ClearanceDecision? Decision, string? Comment, string? OnBehalfOf, bool? Contribution = null);

    public sealed record Command(Guid PaperId, int? Revision, string? ContentHash, string? Step, ClearanceDecision? Decision, [MultiLine] string? Comment, string? OnBehalfOf)
        : ICommand<ClearanceView>, IPaperParticipantRequest, IAlternateRequest, IClearanceStep;

    internal sealed class Validator : ClearanceStepValidator<Command>
    {
        public Validator()
            : base("text")
        {
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ClearanceView>
    {
        public async Task<ClearanceView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            paper.RecordClearance(command.Revision!.Value, command.ContentHash!, command.Step!, command.Decision!.Value, command.Comment,
                me.AsActor(command.OnBehalfOf), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return await ClearanceView.ForAsync(db, paper.CurrentRound!, me.AgencyCode, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/clearances", async Task<IResult> (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Contribution == true)
                {
                    var contribution = await mediator.Send(new ClearContribution.Command(paperId, body.Revision, body.ContentHash, body.Step, body.Decision, body.Comment, body.OnBehalfOf), ct);
                    return TypedResults.Created($"/api/papers/{paperId}/contributions", contribution);
                }

                var view = await mediator.Send(new Command(paperId, body.Revision, body.ContentHash, body.Step, body.Decision, body.Comment, body.OnBehalfOf), ct);
                return TypedResults.Created($"/api/papers/{paperId}/clearances", view);
            })
            .WithName("RecordClearance")
            .WithSummary("Clear the text inside my agency, one step")
            .WithDescription("Names the open round's `revision` and `contentHash`, the `step` (by name) and `decision` Approve or SendBack (with a `comment`). Steps approve in order; the last one's approval is the agency's Approve. Only the step's holders, or their alternate with `onBehalfOf` (403 otherwise). Other agencies see only that the agency is InClearance. With `contribution: true`, the step clears your agency's contribution of comments and suggestions on `revision` instead, `contentHash` being the contribution's (from `POST …/contributions`); drafts changed since → 409 `contribution-changed`; the last step's approval sends it.");
}

/// <summary>One step's word in an agency's clearance, of a round's text or of a contribution: what it names.</summary>
internal interface IClearanceStep
{
    int? Revision { get; }

    string? ContentHash { get; }

    string? Step { get; }

    ClearanceDecision? Decision { get; }

    string? Comment { get; }

    string? OnBehalfOf { get; }
}

/// <summary>The shape of a clearance step's request; <c>what</c> names what is cleared ("text", "contribution").</summary>
internal abstract class ClearanceStepValidator<T> : AbstractValidator<T>
    where T : IClearanceStep
{
    protected ClearanceStepValidator(string what)
    {
        RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
        RuleFor(c => c.ContentHash).MustBeContentHash();
        RuleFor(c => c.Step).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Decision).NotNull().IsInEnum();
        RuleFor(c => c.Comment).NotEmpty().When(c => c.Decision == ClearanceDecision.SendBack).WithMessage($"Sending a {what} back says why.");
        RuleFor(c => c.Comment).MaximumLength(10_000);
        RuleFor(c => c.OnBehalfOf).MaximumLength(256).EmailAddress();
    }
}

/// <summary>My agency's clearance on a paper's latest round: the steps, where the text is, and every step's word. Never shown to other agencies.</summary>
public sealed record ClearanceView(Guid PaperId, int Round, int Revision, string ContentHash, string AgencyCode, AgencySignOffStatus Status, bool Required,
    IReadOnlyList<ClearanceStepStatus> Steps, string? WaitingFor, IReadOnlyList<ClearanceActionView> History)
{
    public static async Task<ClearanceView> ForAsync(WorkspaceDb db, Round round, string agencyCode, CancellationToken ct)
    {
        var agency = round.Agencies.SingleOrDefault(a => a.AgencyCode == agencyCode);
        var history = await db.ClearanceActions.AsNoTracking().Where(a => a.RoundId == round.Id && a.AgencyCode == agencyCode)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var steps = agency?.ClearanceSteps ?? [];
        var cleared = agency?.ClearedSteps ?? 0;
        return new ClearanceView(round.PaperId, round.Number, round.RevisionNumber, round.ContentHash, agencyCode, agency?.Status ?? AgencySignOffStatus.Pending,
            steps.Count > 0,
            [.. steps.Select((s, i) => new ClearanceStepStatus(s.Name, s.Emails, i < cleared))],
            round.IsOpen && cleared < steps.Count && agency?.Status != AgencySignOffStatus.Approved ? steps[cleared].Name : null,
            [.. history.Select(h => new ClearanceActionView(h.StepName, h.Step, h.Decision, h.By, h.OnBehalfOf, h.At.AsUtcInstant(), h.Comment))]);
    }
}

public sealed record ClearanceStepStatus(string Name, IReadOnlyList<string> Emails, bool Cleared);

public sealed record ClearanceActionView(string Step, int Position, ClearanceDecision Decision, string By, string? OnBehalfOf, DateTimeOffset At, string? Comment);
