using Workspace.Server.Auth;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Consultations;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// Everything the paper's page shows its reader, in one request: the paper, its revisions, the revision read (or
/// what changed from another), that revision's comments, the rounds, corrections and consultations, the reader's
/// clearance when their agency clears inside, and whom they stand in for. Composed from the area's own queries in
/// one scope, each still under its own rule (the clearance is the participant's, the rest the viewer's).
/// </summary>
public static class GetPaperPage
{
    /// <param name="Revision">The revision to read; the latest when absent or unknown.</param>
    /// <param name="Compare">Another revision to show the changes from.</param>
    /// <param name="Lines">The changes as the markdown's lines (else only the compared revision is read, for the rendered diff).</param>
    public sealed record Query(Guid PaperId, int? Revision = null, int? Compare = null, bool Lines = false) : IQuery<PaperPageView>, IPaperViewerRequest;

    internal sealed class Handler(IMediator mediator, ICurrentUser me) : IRequestHandler<Query, PaperPageView>
    {
        public async Task<PaperPageView> Handle(Query query, CancellationToken ct)
        {
            var id = query.PaperId;
            var paper = await mediator.Send(new GetPaper.Query(id), ct);
            var revisions = await mediator.Send(new ListRevisions.Query(id), ct);
            var reading = query.Revision is { } asked && revisions.Any(r => r.Number == asked) ? asked : revisions.Count == 0 ? 0 : revisions[^1].Number;
            var text = reading == 0 ? null : await mediator.Send(new GetRevision.Query(id, reading), ct);
            var comparing = query.Compare is { } other && other != reading && revisions.Any(r => r.Number == other) && reading > 0 ? other : (int?)null;
            var diff = comparing is { } from && query.Lines ? await mediator.Send(new GetDiff.Query(id, from, reading), ct) : null;
            var compared = comparing is { } before && !query.Lines ? await mediator.Send(new GetRevision.Query(id, before), ct) : null;
            var comments = (await mediator.Send(new ListComments.Query(id), ct)).Where(c => c.Revision == reading).ToList();
            var blocks = reading == 0 ? [] : await mediator.Send(new GetRevisionBlocks.Query(id, reading), ct);
            var annotations = reading == 0 ? [] : await mediator.Send(new ListAnnotations.Query(id, reading), ct);
            var contributions = paper.ParticipatingAgencyCodes.Contains(me.AgencyCode) ? await mediator.Send(new ListContributions.Query(id), ct) : [];
            var rounds = await mediator.Send(new ListRounds.Query(id), ct);
            var corrections = await mediator.Send(new ListCorrections.Query(id), ct);
            var consultations = await mediator.Send(new ListConsultations.Query(id), ct);
            var clearance = paper.Round is { Status: RoundStatus.Open, ClearanceRequired: true } && paper.ParticipatingAgencyCodes.Contains(me.AgencyCode)
                ? await mediator.Send(new GetClearance.Query(id), ct) : null;
            var actingFor = (await mediator.Send(new Alternates.GetMyAlternate.Query(), ct)).ActingFor.Select(a => a.Email).ToList();
            var rules = await mediator.Send(new SignOffRules.ListSignOffRules.Query(), ct);
            return new PaperPageView(paper, revisions, reading, text, diff, comments, rounds, corrections, consultations, clearance, actingFor, compared)
            {
                Blocks = blocks,
                Annotations = annotations,
                Contributions = contributions,
                RequiredLanguages = rules.FirstOrDefault(r => r.PaperKind == paper.Kind)?.RequiredLanguages ?? [],
            };
        }
    }
}

/// <summary>The paper's page as its reader sees it (<see cref="GetPaperPage"/>).</summary>
/// <param name="Reading">The revision on screen (0 before any text).</param>
/// <param name="Comments">The comments on the revision on screen.</param>
/// <param name="Clearance">My agency's clearance of the open round, when it clears inside before approving.</param>
/// <param name="ActingFor">Those the reader stands in for now.</param>
public sealed record PaperPageView(
    PaperView Paper,
    IReadOnlyList<RevisionSummary> Revisions,
    int Reading,
    GetRevision.RevisionView? Text,
    GetDiff.DiffView? Diff,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<RoundView> Rounds,
    IReadOnlyList<CorrectionView> Corrections,
    IReadOnlyList<ListConsultations.ConsultationSummary> Consultations,
    ClearanceView? Clearance,
    IReadOnlyList<string> ActingFor,
    GetRevision.RevisionView? Compared = null)
{
    /// <summary>The languages the rule of the paper's kind publishes it in besides its original.</summary>
    public IReadOnlyList<string> RequiredLanguages { get; init; } = [];

    /// <summary>The numbered blocks of the revision on screen.</summary>
    public IReadOnlyList<GetRevisionBlocks.BlockView> Blocks { get; init; } = [];

    /// <summary>The comments and suggestions on the revision on screen that the reader may see (their agency's drafts among them).</summary>
    public IReadOnlyList<AnnotationView> Annotations { get; init; } = [];

    /// <summary>My agency's contributions through its clearance (its own business).</summary>
    public IReadOnlyList<ListContributions.ContributionClearanceView> Contributions { get; init; } = [];
}
