using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

public sealed record RevisionSummary(int Number, string ContentHash, string Author, DateTimeOffset CreatedAt);

public sealed record RoundAgencyView(string AgencyCode, AgencySignOffStatus Status, string? By, DateTimeOffset? At, string? Comment, string? OnBehalfOf = null);

/// <param name="Signers">Whose sign-off the rule of the paper's kind asked for when the round opened.</param>
/// <param name="ClearanceRequired">Whether that rule asked each agency to clear the text inside first.</param>
public sealed record RoundView(
    int Number, int Revision, string ContentHash, Procedure Procedure, DateTimeOffset Deadline, RoundStatus Status, bool Overdue,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<RoundAgencyView> Agencies, Signers Signers = Signers.Participants, bool ClearanceRequired = false,
    ClosingReason? ClosingReason = null)
{
    /// <summary>The comments matrix as it stood when the round opened (in the rounds' list only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GetDispositions.DispositionView>? Dispositions { get; init; }

    public static RoundView Of(Round round) => new(
        round.Number, round.RevisionNumber, round.ContentHash, round.Procedure, round.Deadline.AsUtcInstant(), round.Status, round.Overdue,
        round.OpenedAt.AsUtcInstant(), round.ClosedAt?.AsUtcInstant(),
        [.. round.Agencies.OrderBy(a => a.AgencyCode, StringComparer.Ordinal)
            .Select(a => new RoundAgencyView(a.AgencyCode, a.Status, a.By, a.At?.AsUtcInstant(), a.Comment, a.OnBehalfOf))],
        round.Signers, round.ClearanceRequired, ClosingReason.Of(round.Closing, round.ClosedByAgencyCode, round.ClosedByRevision));
}

/// <summary>How a round ended: completed, silence broken (by whom), cancelled (by which revision, or the paper withdrawn), adopted by silence.</summary>
public sealed record ClosingReason(RoundClosing Kind, string? ByAgencyCode, int? Revision)
{
    public static ClosingReason? Of(RoundClosing? kind, string? byAgencyCode, int? revision) => kind is { } k ? new(k, byAgencyCode, revision) : null;
}

/// <summary>A paper as a participant or the secretariat sees it, with what the caller may do now.</summary>
public sealed record PaperView(
    Guid Id, string Title, PaperKind Kind, PaperState State, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes,
    Guid? WorkingGroupId, Guid? MeetingId, DateTimeOffset CreatedAt, RevisionSummary? LatestRevision, RoundView? Round, DateTimeOffset? PublishedAt,
    IReadOnlyList<PaperAction> AllowedActions)
{
    /// <summary>The language the paper is negotiated and signed in: its authentic text.</summary>
    public string OriginalLanguage { get; init; } = "en";

    /// <summary>Its versions in the other official languages, each tied to one revision of the original.</summary>
    public IReadOnlyList<VersionView> Versions { get; init; } = [];

    public static PaperView Of(Paper paper, Capacity caller) => new(
        paper.Id, paper.Title, paper.Kind, paper.State, paper.LeadAgencyCode, paper.ParticipatingAgencyCodes, paper.WorkingGroupId, paper.MeetingId,
        paper.CreatedAt.AsUtcInstant(),
        paper.LatestRevisionNumber == 0 ? null
            : new RevisionSummary(paper.LatestRevisionNumber, paper.LatestContentHash!, paper.LatestRevisionAuthor!, paper.LatestRevisionAt!.Value.AsUtcInstant()),
        paper.CurrentRound is { } round ? RoundView.Of(round) : null,
        paper.PublishedAt?.AsUtcInstant(),
        PaperWorkflow.AllowedActions(paper.State, caller))
    {
        OriginalLanguage = paper.OriginalLanguage,
        Versions = [.. paper.LoadedVersions.OrderBy(v => OfficialLanguages.Position(v.Language)).Select(VersionView.Of)],
    };
}

/// <summary>A version of the paper in another official language: the revision of the original it translates (by hash) and where its review stands.</summary>
/// <param name="ConfirmedAt">When its reviewer confirmed it against the original; null unless <see cref="Status"/> is Confirmed.</param>
public sealed record VersionView(string Language, int BasedOnRevision, string BasedOnHash, int Revision, string ContentHash, VersionStatus Status, string? Reviewer,
    DateTimeOffset? ConfirmedAt, string Author, DateTimeOffset UpdatedAt, DateTimeOffset? ReviewedAt, string? Reason)
{
    /// <summary>Whether the latest text stands confirmed against exactly the original of <paramref name="originalHash"/> (as <see cref="LanguageVersion.IsConfirmedAgainst"/>).</summary>
    public bool IsConfirmedAgainst(string? originalHash) => ConfirmedAt is not null && BasedOnHash == originalHash;

    public static VersionView Of(LanguageVersion v) => new(v.Language, v.BasedOnRevision, v.BasedOnHash, v.Revision, v.ContentHash, v.Status, v.Reviewer,
        v.ConfirmedRevision == v.Revision ? v.ReviewedAt?.AsUtcInstant() : null, v.Author, v.UpdatedAt.AsUtcInstant(), v.ReviewedAt?.AsUtcInstant(), v.Reason);
}

internal static class PaperLoading
{
    /// <summary>The paper with its latest round and that round's agencies: everything a command needs.</summary>
    public static async Task<Paper> LoadAsync(this WorkspaceDb db, Guid paperId, CancellationToken ct)
    {
        var paper = await db.Papers.SingleOrDefaultAsync(p => p.Id == paperId, ct) ?? throw new NotFoundException("paper", paperId.ToString());
        // Only the latest round: SQLite cannot run the APPLY a "latest per parent" include needs, and two keyed reads are as fast.
        if (paper.LastRoundNumber > 0)
        {
            await db.Entry(paper).Collection(p => p.LoadedRounds).Query()
                .Where(r => r.Number == paper.LastRoundNumber).Include(r => r.Agencies).LoadAsync(ct);
        }

        // The versions in other languages, where there are some: a new revision puts them out of date in the same step.
        if (paper.VersionLanguages.Count > 0)
        {
            await db.Entry(paper).Collection(p => p.LoadedVersions).LoadAsync(ct);
        }

        return paper;
    }

    /// <summary>The paper alone, without its rounds: enough for a comment, which a round does not concern.</summary>
    public static async Task<Paper> LoadAloneAsync(this WorkspaceDb db, Guid paperId, CancellationToken ct) =>
        await db.Papers.SingleOrDefaultAsync(p => p.Id == paperId, ct) ?? throw new NotFoundException("paper", paperId.ToString());

    public static PaperView ViewFor(this Paper paper, PaperAccess access) =>
        PaperView.Of(paper, access.Of(paper.LeadAgencyCode, paper.ParticipatingAgencyCodes));
}

public sealed record CommentView(Guid Id, int Revision, string Text, string Author, string AuthorAgencyCode, DateTimeOffset CreatedAt);

internal static class PaperRules
{
    /// <summary>A content hash as the workspace writes them: <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeContentHash<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Matches("^sha256:[0-9a-f]{64}$").WithMessage("A content hash is sha256: and 64 lower-case hex digits.");
}
