using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A focal point approves or objects, for their own agency, to the exact text of the open round.</summary>
public static class RecordSignOff
{
    public sealed record Body(int? Revision, string ContentHash, Decision? Decision, string? Comment, string? AgencyCode, string? OnBehalfOf);

    public sealed record Command(Guid PaperId, int? Revision, string ContentHash, Decision? Decision, [MultiLine] string? Comment, string? AgencyCode, string? OnBehalfOf = null)
        : ICommand<SignOffView>, IPaperParticipantRequest, IAlternateRequest
    {
        string? IPaperParticipantRequest.OnBehalfOfAgencyCode => AgencyCode;
    }

    public sealed record SignOffView(Guid PaperId, int Round, string AgencyCode, Decision Decision, string By, string? OnBehalfOf, DateTimeOffset At, string? Comment,
        RoundStatus RoundStatus, PaperState PaperState);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.ContentHash).MustBeContentHash();
            RuleFor(c => c.Decision).NotNull().IsInEnum();
            RuleFor(c => c.Comment).NotEmpty().When(c => c.Decision == Decision.Object).WithMessage("An objection says why.");
            RuleFor(c => c.Comment).MaximumLength(10_000);
            RuleFor(c => c.OnBehalfOf).MaximumLength(256).EmailAddress();
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, SignOffView>
    {
        public async Task<SignOffView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var by = me.AsActor(command.OnBehalfOf);
            paper.RecordSignOff(command.Revision!.Value, command.ContentHash, command.Decision!.Value, command.Comment, by, now);
            await db.SaveChangesAsync(cancellationToken);
            var round = paper.CurrentRound!;
            var agency = round.Agencies.Single(a => a.AgencyCode == me.AgencyCode);
            return new SignOffView(paper.Id, round.Number, agency.AgencyCode, command.Decision.Value, by.Email, by.OnBehalfOf, now.AsUtcInstant(), agency.Comment,
                round.Status, paper.State);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/sign-offs", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var recorded = await mediator.Send(new Command(paperId, body.Revision, body.ContentHash, body.Decision, body.Comment, body.AgencyCode, body.OnBehalfOf), ct);
                return TypedResults.Created($"/api/papers/{paperId}", recorded);
            })
            .WithName("RecordSignOff")
            .WithSummary("Approve or object for my agency")
            .WithDescription("Names the open round's `revision` and `contentHash` (otherwise 409 `stale-sign-off`). Always for your own agency: an `agencyCode` other than yours → 403. `Object` needs a `comment`. An alternate names the person they act for in `onBehalfOf` (403 unless their period holds now); the record shows `by` and `onBehalfOf`. Where the round asks the agency to clear the text inside, its Approve comes from the last step of its clearance (409 `clearance-incomplete` before). A decision may be changed while the round is open; every decision is kept. Unanimous: signed off when every agency approved. Silence: an objection breaks silence and the paper returns to Drafting.");
}
