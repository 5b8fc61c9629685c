using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// One step of my agency's clearance clears its contribution on a revision (its exact content, by hash), or sends it back
/// with a reason; the last step's approval sends it. My agency's own business: no one else hears of it until it is sent.
/// </summary>
public static class ClearContribution
{
    public sealed record Command(Guid PaperId, int? Revision, string? ContentHash, string? Step, ClearanceDecision? Decision, [MultiLine] string? Comment, string? OnBehalfOf)
        : ICommand<SendContribution.ContributionView>, IPaperParticipantRequest, IAlternateRequest, IReadsProjections, IClearanceStep;

    internal sealed class Validator : ClearanceStepValidator<Command>
    {
        public Validator()
            : base("contribution")
        {
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, SendContribution.ContributionView>
    {
        public async Task<SendContribution.ContributionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var revision = command.Revision!.Value;
            var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.PaperId == paper.Id && c.AgencyCode == me.AgencyCode && c.Revision == revision
                    && c.Status == ContributionStatus.InClearance, cancellationToken)
                ?? throw new RuleBrokenException("not-in-clearance", $"{me.AgencyCode} has no contribution on revision {revision} in clearance.");
            var drafts = await db.Annotations
                .Where(a => a.PaperId == paper.Id && a.AgencyCode == me.AgencyCode && a.Status == AnnotationStatus.Draft && a.Revision == revision)
                .OrderBy(a => a.Start).ToListAsync(cancellationToken);
            var by = me.AsActor(command.OnBehalfOf);
            var now = clock.GetUtcNow().UtcDateTime;
            if (contribution.Clear(paper.Title, command.ContentHash!, drafts, command.Step!, command.Decision!.Value, command.Comment, by, now))
            {
                paper.SendContribution(drafts, revision, by, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new SendContribution.ContributionView(me.AgencyCode, revision, [.. drafts.Select(d => d.Id)],
                contribution.Status == ContributionStatus.Sent ? "Sent" : contribution.Status.ToString(), contribution.ContentHash, contribution.WaitingFor?.Name);
        }
    }
}

/// <summary>My agency's contributions on a paper that went through its clearance: where each is, and every step's word. Never shown to other agencies.</summary>
public static class ListContributions
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<ContributionClearanceView>>, IPaperParticipantRequest;

    /// <param name="Changed">In clearance, the agency's drafts on the revision are no longer what it went in with: the steps refuse it until it is sent again.</param>
    public sealed record ContributionClearanceView(Guid Id, int Revision, ContributionStatus Status, string ContentHash, int Items, IReadOnlyList<ClearanceStepStatus> Steps,
        string? WaitingFor, IReadOnlyList<ClearanceActionView> History, bool Changed = false);

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<ContributionClearanceView>>
    {
        public async Task<IReadOnlyList<ContributionClearanceView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Contributions.AsNoTracking().Where(c => c.PaperId == query.PaperId && c.AgencyCode == me.AgencyCode)
                .OrderBy(c => c.Revision).ThenBy(c => c.CreatedAt).ToListAsync(cancellationToken);
            var clearing = rows.Where(c => c.Status == ContributionStatus.InClearance).Select(c => c.Revision).ToList();
            var drafts = clearing.Count == 0 ? [] : await db.Annotations.AsNoTracking()
                .Where(a => a.PaperId == query.PaperId && a.AgencyCode == me.AgencyCode && a.Status == AnnotationStatus.Draft && clearing.Contains(a.Revision))
                .ToListAsync(cancellationToken);
            return [.. rows.Select(c => new ContributionClearanceView(c.Id, c.Revision, c.Status, c.ContentHash, c.Items,
                [.. c.Steps.Select((s, i) => new ClearanceStepStatus(s.Name, s.Emails, i < c.ClearedSteps))], c.WaitingFor?.Name,
                [.. c.History.Select(h => new ClearanceActionView(h.Step, h.Position, h.Decision, h.By, h.OnBehalfOf, h.At.AsUtcInstant(), h.Comment))],
                c.Status == ContributionStatus.InClearance && Contribution.HashOf(drafts.Where(d => d.Revision == c.Revision)) != c.ContentHash))];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/contributions", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("ListContributions")
            .WithSummary("My agency's contributions through its clearance")
            .WithDescription("Those of your agency that its clearance chain cleared or clears: `{id, revision, status: InClearance|SentBack|Sent, contentHash, items, steps, waitingFor, history, changed}` (`changed`: in clearance, the drafts are no longer what went in; the steps refuse it until it is sent again). Your agency's own business: other agencies, the lead and the secretariat never see them.");
}
