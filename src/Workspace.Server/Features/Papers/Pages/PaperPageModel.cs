using Workspace.Server.Components;
using Workspace.Server.Components.Circuits;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Consultations;

namespace Workspace.Server.Features.Papers.Pages;

/// <summary>
/// What the paper's page reads for its reader, shared by its parts: the paper, the revision read (and the one it is
/// compared with), its comments, the rounds, corrections, consultations, the reader's clearance and whom they
/// stand in for; and the page's error summary, which every part's form reports to.
/// </summary>
public sealed class PaperPageModel(Guid paperId, FormErrors errors, string zone, Func<Task> reload, Action render)
{
    public Guid PaperId => paperId;

    /// <summary>The page's one error summary: every part's refusals go there.</summary>
    public FormErrors Errors => errors;

    /// <summary>The reader's zone.</summary>
    public string Zone => zone;

    /// <summary>Reads everything again: after a post that was refused, what changed meanwhile is shown with the reason.</summary>
    public Task ReloadAsync() => reload();

    /// <summary>Renders the whole page again (its error summary above all), after a part changed what it shows.</summary>
    public void Render() => render();

    private PaperPageView page = null!;

    public PaperView Paper => page.Paper;

    public IReadOnlyList<RevisionSummary> Revisions => page.Revisions;

    public RevisionSummary? Latest => Revisions.Count == 0 ? null : Revisions[^1];

    /// <summary>The revision on screen: the one asked for, else the latest (0 before any text).</summary>
    public int Reading => page.Reading;

    public int? Compare { get; private set; }

    public GetRevision.RevisionView? Text => page.Text;

    public GetDiff.DiffView? Diff => page.Diff;

    /// <summary>The text of the revision the one on screen is compared with.</summary>
    public GetRevision.RevisionView? Compared => page.Compared;

    /// <summary>The comments on the revision on screen.</summary>
    public IReadOnlyList<CommentView> Comments => page.Comments;

    public IReadOnlyList<RoundView> Rounds => page.Rounds;

    /// <summary>The numbered blocks of the revision on screen.</summary>
    public IReadOnlyList<GetRevisionBlocks.BlockView> Blocks => page.Blocks;

    /// <summary>The comments and suggestions on the revision on screen the reader may see: sent ones, and their agency's drafts.</summary>
    public IReadOnlyList<AnnotationView> Annotations => page.Annotations;

    /// <summary>My agency's contribution on the revision on screen while its clearance clears it, or after a step sent it back.</summary>
    public ListContributions.ContributionClearanceView? Clearing => page.Contributions.LastOrDefault(c => c.Revision == Reading && c.Status != ContributionStatus.Sent);

    /// <summary>The reader may comment on and suggest changes to the text on screen: it is the latest, and their agency takes part.</summary>
    public bool MayAnnotate => Reading > 0 && Reading == Latest?.Number && Allows(PaperAction.AddRevision);

    public IReadOnlyList<CorrectionView> Corrections => page.Corrections;

    public IReadOnlyList<ListConsultations.ConsultationSummary> Consultations => page.Consultations;

    /// <summary>My agency's clearance of the open round, when it clears inside before approving.</summary>
    public ClearanceView? Clearance => page.Clearance;

    /// <summary>Those I stand in for now.</summary>
    public IReadOnlyList<string> ActingFor => page.ActingFor;

    public bool Allows(PaperAction action) => Paper.AllowedActions.Contains(action);

    /// <summary>The languages the rule of the paper's kind publishes it in besides its original.</summary>
    public IReadOnlyList<string> RequiredLanguages => page.RequiredLanguages;

    /// <summary>Of the required languages, those whose version is not confirmed against the text of <paramref name="originalHash"/>.</summary>
    public IReadOnlyList<string> MissingLanguages(string? originalHash) =>
        [.. RequiredLanguages.Where(l => l != Paper.OriginalLanguage && Paper.Versions.FirstOrDefault(v => v.Language == l)?.IsConfirmedAgainst(originalHash) != true)];

    public CorrectionView? PendingCorrection => Corrections.FirstOrDefault(c => c.Status == CorrectionStatus.Pending);

    /// <summary>My agency approves this round through its clearance, not yet complete.</summary>
    public bool ClearingInside => Clearance is { Required: true, WaitingFor: not null };

    /// <summary>Reads the page in one request; a paper the reader may not see throws <see cref="NotFoundException"/>.</summary>
    public async Task LoadAsync(PageSender sender, int? revision, int? compare, bool lines = false)
    {
        page = await sender.Send(new GetPaperPage.Query(paperId, revision, compare, lines));
        Compare = compare;
    }
}
