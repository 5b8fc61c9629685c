namespace Workspace.Server.Domain.Papers;

/// <summary>
/// The paper's versions in the other official languages. Each is tied by hash to one revision of the original; a new
/// revision of the original (an editorial correction too) puts every version of an older one out of date at once, and
/// publication waits until each language the rule requires is confirmed against the signed text.
/// </summary>
public sealed partial class Paper
{
    private readonly List<LanguageVersion> versions = [];

    /// <summary>The languages the paper has versions in, so that a command loads them only where there are some.</summary>
    public List<string> VersionLanguages { get; private set; } = [];

    /// <summary>The versions, as loaded (with the paper when <see cref="VersionLanguages"/> names any).</summary>
    public IReadOnlyList<LanguageVersion> LoadedVersions => versions;

    public LanguageVersion? VersionIn(string language) => versions.SingleOrDefault(v => v.Language == language);

    /// <summary>
    /// Saves the next text of the version in <paramref name="language"/> on top of its revision <paramref name="baseRevision"/>
    /// (0 for the first), translating the original's revision <paramref name="basedOnRevision"/>, which must be the latest:
    /// a translation of an older text is out of date before it is written.
    /// </summary>
    /// <param name="reviewers">The language's reviewers who may see the paper: they are asked to check it.</param>
    public VersionRevision AddVersionRevision(string language, int basedOnRevision, int baseRevision, string body, Actor by, DateTime now, IReadOnlyList<Actor> reviewers)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.Translate);
        if (!OfficialLanguages.Contains(language))
        {
            throw new FieldRefusedException("language", $"A version is in one of the six official languages: {string.Join(", ", OfficialLanguages.Codes)}.");
        }

        if (language == OriginalLanguage)
        {
            throw new FieldRefusedException("language", $"{language} is the paper's original language: its text is the paper's revisions, not a version.");
        }

        if (LatestRevisionNumber == 0)
        {
            throw new RuleBrokenException("no-original", "The paper has no text yet to translate.");
        }

        if (basedOnRevision != LatestRevisionNumber)
        {
            throw new RuleBrokenException("stale-original",
                $"This translation is of revision {basedOnRevision} of the original, but the original is at revision {LatestRevisionNumber}. Translate the latest text.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber });
        }

        var version = VersionIn(language);
        var current = version?.Revision ?? 0;
        if (baseRevision != current)
        {
            throw new RuleBrokenException("stale-revision",
                $"This text was written on revision {baseRevision} of the {language} version, but it is at revision {current}. Read the latest and apply your changes to it.",
                new Dictionary<string, object?> { ["currentRevision"] = current });
        }

        if (version is null)
        {
            version = new LanguageVersion(Id, language);
            versions.Add(version);
            VersionLanguages = [.. VersionLanguages.Append(language).Order(StringComparer.Ordinal)];
        }

        var revision = version.Next(body, LatestRevisionNumber, LatestContentHash!, by, now);
        Version++;
        var asked = reviewers.Where(r => !string.Equals(r.Email, by.Email, StringComparison.OrdinalIgnoreCase)).ToList();
        Raise(DomainEvent.Of(new VersionAdded(Id, language, revision.Number, revision.ContentHash, revision.BasedOnRevision, revision.BasedOnHash, by.Email), Subject, Participants,
            asked.Count == 0 ? null : new Notice("version-review-requested",
                $"The {language} version of \"{Title}\" (its revision {revision.Number}, of revision {revision.BasedOnRevision} of the original) waits for your review.",
                [.. asked.Select(r => r.AgencyCode).Distinct()], OnlyEmails: [.. asked.Select(r => r.Email)])));
        return revision;
    }

    /// <summary>
    /// A reviewer of the language confirms the version's latest revision against the original it names, or sends it back
    /// with a reason. The request names the exact texts (the version's hash and the original's): a review of anything
    /// else is stale.
    /// </summary>
    public void ReviewVersion(string language, int revision, string contentHash, string basedOnHash, VersionDecision decision, string? reason, Actor by, DateTime now)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.Translate);
        var version = VersionIn(language) ?? throw new NotFoundException("version", language);
        if (version.Status == VersionStatus.OutOfDate)
        {
            throw new RuleBrokenException("version-out-of-date",
                $"The {language} version translates revision {version.BasedOnRevision} of the original, which is now at revision {LatestRevisionNumber}: it must be brought up to date before it is checked.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber, ["basedOnRevision"] = version.BasedOnRevision });
        }

        if (revision != version.Revision || !string.Equals(contentHash, version.ContentHash, StringComparison.Ordinal)
            || !string.Equals(basedOnHash, version.BasedOnHash, StringComparison.Ordinal))
        {
            throw new RuleBrokenException("stale-version",
                $"The {language} version is at revision {version.Revision} ({version.ContentHash}), translating {version.BasedOnHash}; a review names those exact texts.",
                new Dictionary<string, object?> { ["currentRevision"] = version.Revision, ["contentHash"] = version.ContentHash, ["basedOnHash"] = version.BasedOnHash });
        }

        if (decision == VersionDecision.SendBack && string.IsNullOrWhiteSpace(reason))
        {
            throw new FieldRefusedException("reason", "Sending a version back says why.");
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        version.Review(decision, trimmed, by, now);
        Version++;
        Raise(DomainEvent.Of(
            new VersionReviewed(Id, language, decision.ToString(), version.Revision, version.ContentHash, version.BasedOnRevision, version.BasedOnHash, by.Email, by.OnBehalfOf, trimmed),
            Subject, Participants,
            decision == VersionDecision.SendBack && !string.Equals(version.Author, by.Email, StringComparison.OrdinalIgnoreCase)
                ? new Notice("version-sent-back", $"{by.Email} sent the {language} version of \"{Title}\" back: {trimmed}", [version.AuthorAgencyCode], OnlyEmails: [version.Author])
                : null));
    }

    /// <summary>Of <paramref name="required"/>, the languages not confirmed against the original text of <paramref name="originalHash"/> (the original itself is never missing).</summary>
    public IReadOnlyList<string> MissingLanguages(IEnumerable<string> required, string originalHash) =>
        [.. required.Where(l => l != OriginalLanguage && VersionIn(l)?.IsConfirmedAgainst(originalHash) != true).Distinct().OrderBy(OfficialLanguages.Position)];

    private void EnsureLanguages(IReadOnlyCollection<string> required, Round signed)
    {
        var missing = MissingLanguages(required, signed.ContentHash);
        if (missing.Count > 0)
        {
            throw new RuleBrokenException("languages-missing",
                $"The rule for {Kind} papers asks for versions in {string.Join(", ", required)}; not yet confirmed against the signed revision {signed.RevisionNumber}: {string.Join(", ", missing)}.",
                new Dictionary<string, object?> { ["languages"] = missing, ["revision"] = signed.RevisionNumber, ["contentHash"] = signed.ContentHash });
        }
    }

    /// <summary>Every version of an older revision than the latest goes out of date, the moment the original changes.</summary>
    private void OutdateVersions()
    {
        foreach (var version in versions.Where(v => v.BasedOnRevision < LatestRevisionNumber && v.Status != VersionStatus.OutOfDate))
        {
            version.MarkOutOfDate();
            Raise(DomainEvent.Of(new VersionOutOfDate(Id, version.Language, version.Revision, version.BasedOnRevision, LatestRevisionNumber), Subject, Participants,
                new Notice("version-out-of-date",
                    $"The {version.Language} version of \"{Title}\" translates revision {version.BasedOnRevision}; the original is now at revision {LatestRevisionNumber}.",
                    [version.AuthorAgencyCode], OnlyEmails: [version.Author])));
        }
    }
}
