using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.SignOffRules;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// A focal point sends their agency's drafts on a revision: the lead and the other agencies see them from now on; or,
/// where the sign-off rule of the paper's kind asks for clearance and the agency has a chain, the chain clears them first.
/// </summary>
public static class SendContribution
{
    public sealed record Body(int? Revision);

    public sealed record Command(Guid PaperId, int? Revision) : ICommand<ContributionView>, IPaperParticipantRequest, IReadsProjections;

    /// <param name="Status"><c>Sent</c>, or <c>InClearance</c> (its items are still the agency's drafts).</param>
    /// <param name="ContentHash">In clearance: the content each step clears (<c>POST …/clearances</c> with <c>contribution: true</c>).</param>
    /// <param name="WaitingFor">In clearance: the step that clears it next.</param>
    public sealed record ContributionView(string AgencyCode, int Revision, IReadOnlyList<Guid> AnnotationIds, string Status, string? ContentHash = null, string? WaitingFor = null);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Revision).NotNull().GreaterThan(0);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ContributionView>
    {
        public async Task<ContributionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var revision = command.Revision!.Value;
            var drafts = await db.Annotations
                .Where(a => a.PaperId == paper.Id && a.AgencyCode == me.AgencyCode && a.Status == AnnotationStatus.Draft && a.Revision == revision)
                .OrderBy(a => a.Start).ToListAsync(cancellationToken);
            var rule = await db.RuleForAsync(paper.Kind, cancellationToken);
            var steps = rule.ClearanceRequired
                ? await db.ClearanceChains.AsNoTracking().Where(c => c.AgencyCode == me.AgencyCode).Select(c => c.Steps).SingleOrDefaultAsync(cancellationToken) ?? []
                : [];
            var now = clock.GetUtcNow().UtcDateTime;
            if (steps.Count == 0)
            {
                paper.SendContribution(drafts, revision, me.AsActor(), now);
                await db.SaveChangesAsync(cancellationToken);
                return new ContributionView(me.AgencyCode, revision, [.. drafts.Select(d => d.Id)], "Sent");
            }

            // Cleared inside first; sent again, the chain starts over on the drafts as they are now.
            paper.EnsureAnnotatable(revision);
            var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.PaperId == paper.Id && c.AgencyCode == me.AgencyCode && c.Revision == revision
                && c.Status != ContributionStatus.Sent, cancellationToken);
            if (contribution is null)
            {
                db.Contributions.Add(contribution = Contribution.ForClearance(paper.Id, paper.Title, revision, drafts, steps, me.AsActor(), now));
            }
            else
            {
                contribution.Restart(paper.Title, drafts, steps, me.AsActor());
            }

            await db.SaveChangesAsync(cancellationToken);
            return new ContributionView(me.AgencyCode, revision, [.. drafts.Select(d => d.Id)], "InClearance", contribution.ContentHash, contribution.WaitingFor?.Name);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/contributions", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var sent = await mediator.Send(new Command(paperId, body.Revision), ct);
                return TypedResults.Created($"/api/papers/{paperId}/annotations?agency={sent.AgencyCode}&revision={sent.Revision}", sent);
            })
            .WithName("SendContribution")
            .WithSummary("Send my agency's comments and suggestions")
            .WithDescription("`{revision}`: every draft of your agency on that revision becomes `Open`, seen by the paper's agencies and the secretariat; the lead agency is told (`status: Sent`). Where the sign-off rule of the paper's kind asks for clearance and your agency has a chain, the chain clears them first (`status: InClearance`, with the `contentHash` each step clears and the step `waitingFor`; `POST …/clearances` with `contribution: true`); they stay drafts until the last step clears them. Sending again restarts the chain on the drafts as they are. Nothing to send → 409 `nothing-to-send`.");
}
