namespace Workspace.Server.Domain.Papers;

/// <summary>A paper was created, with its lead and participating agencies.</summary>
public sealed record PaperCreated(Guid Id, string Title, string Kind, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes,
    Guid? WorkingGroupId, Guid? MeetingId) : IEventData
{
    public static string Type => "paper.created";
}

/// <summary>Agencies joined a paper (a rule of its kind asks for their sign-off).</summary>
public sealed record ParticipantsAdded(Guid PaperId, IReadOnlyList<string> AgencyCodes, IReadOnlyList<string> ParticipatingAgencyCodes, string Reason)
    : IEventData
{
    public static string Type => "paper.participants-added";
}

/// <summary>A revision was saved: its number and the hash of its exact text.</summary>
public sealed record RevisionAdded(Guid PaperId, int Number, string ContentHash, string Author) : IEventData
{
    public static string Type => "paper.revision-added";

    /// <summary>The suggestions the revision took in, when the lead built it from them.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? AppliedAnnotationIds { get; init; }
}

/// <summary>An agency's status as a round ended.</summary>
public sealed record AgencyOutcome(string AgencyCode, string Status);

/// <summary>A round ended: completed, broken by an objection, or cancelled by a new revision.</summary>
public sealed record RoundClosed(Guid PaperId, int Round, int? Revision, string Status, string? Reason, string? ObjectedBy, string? Objection,
    IReadOnlyList<AgencyOutcome> Agencies) : IEventData
{
    public static string Type => "paper.round-closed";
}

/// <summary>An editorial correction nobody objected to was adopted: every sign-off carries over to its revision.</summary>
public sealed record CorrectionAdopted(Guid PaperId, int Round, int CarriedOverFromRound, int Revision, int CorrectedRevision, string ContentHash,
    bool Published, IReadOnlyList<AgencyOutcome> Agencies) : IEventData
{
    public static string Type => "paper.correction-adopted";
}

/// <summary>A signed-off paper was published: the exact text every signatory approved.</summary>
public sealed record PaperPublished(Guid PaperId, string Title, string Kind, string ContentHash, string? Summary, IReadOnlyList<string> Tags) : IEventData
{
    public static string Type => "paper.published";
}

/// <summary>A sign-off round opened on the exact text of a revision.</summary>
public sealed record RoundOpened(Guid PaperId, int Round, int Revision, string ContentHash, string Procedure, DateTimeOffset Deadline, string Signers,
    bool ClearanceRequired) : IEventData
{
    public static string Type => "paper.round-opened";
}

/// <summary>An agency approved or objected in a round (its focal point, or their alternate for them).</summary>
/// <param name="Revision">The round's revision; missing from events written before it was recorded.</param>
/// <param name="ContentHash">The round's text's hash; missing from events written before it was recorded.</param>
public sealed record SignOffRecorded(Guid PaperId, int Round, int? Revision, string? ContentHash, string AgencyCode, string Decision, string By,
    string? OnBehalfOf, string? Comment) : IEventData
{
    public static string Type => "paper.sign-off-recorded";

    public bool IsObjection => Decision == nameof(Papers.Decision.Object);
}

/// <summary>An editorial correction to a signed text was proposed: its signatories may object until the deadline.</summary>
public sealed record CorrectionProposed(Guid PaperId, int Revision, int CorrectedRevision, string ContentHash, DateTimeOffset Deadline,
    IReadOnlyList<string> SignatoryAgencyCodes) : IEventData
{
    public static string Type => "paper.correction-proposed";
}

/// <summary>A step of an agency's internal clearance approved the round's text, or sent it back (seen by that agency alone).</summary>
public sealed record ClearanceRecorded(Guid PaperId, int Round, int Revision, string AgencyCode, string Step, int Position, string Decision, string By,
    string? OnBehalfOf, string? Comment) : IEventData
{
    public static string Type => "paper.clearance-recorded";

    public bool IsSendBack => Decision == nameof(ClearanceDecision.SendBack);
}

/// <summary>An agency's standing in a round changed while it clears the text inside (what the others may know: not how).</summary>
public sealed record AgencyStatusChanged(Guid PaperId, int Round, string AgencyCode, string Status) : IEventData
{
    public static string Type => "paper.agency-status-changed";
}

/// <summary>A comment was made on a revision.</summary>
public sealed record CommentAdded(Guid PaperId, Guid CommentId, int Revision, string Author) : IEventData
{
    public static string Type => "paper.comment-added";
}

/// <summary>An agency's internal clearance reached a step: its holders are asked to clear the text.</summary>
public sealed record ClearanceRequested(Guid PaperId, int Round, int Revision, string AgencyCode, string Step, int Position, IReadOnlyList<string> Holders)
    : IEventData
{
    public static string Type => "paper.clearance-requested";
}

/// <summary>A round passed its deadline with agencies not yet approving.</summary>
public sealed record RoundOverdue(Guid PaperId, int Round, DateTimeOffset Deadline, IReadOnlyList<string> NotApprovedAgencyCodes) : IEventData
{
    public static string Type => "paper.round-overdue";
}

/// <summary>The agencies that had not answered were reminded of a round's deadline.</summary>
public sealed record SignOffReminded(Guid PaperId, int Round, DateTimeOffset Deadline, IReadOnlyList<string> PendingAgencyCodes, int HoursLeft) : IEventData
{
    public static string Type => "paper.sign-off-reminder";
}

/// <summary>An agency objected to an editorial correction.</summary>
public sealed record CorrectionObjected(Guid PaperId, int Revision, string AgencyCode, string By, string? OnBehalfOf, string? Reason) : IEventData
{
    public static string Type => "paper.correction-objected";
}

/// <summary>A paper moved from one state to another.</summary>
public sealed record PaperStateChanged(Guid PaperId, string From, string To) : IEventData
{
    public static string Type => "paper.state-changed";
}

/// <summary>The secretariat changed who signs a kind of paper, and how.</summary>
public sealed record SignOffRuleChanged(string PaperKind, string Signers, IReadOnlyList<string> AgencyCodes, string Procedure, TimeSpan MinimumNotice,
    bool ClearanceRequired) : IEventData
{
    public static string Type => "sign-off-rule.changed";

    /// <summary>The languages besides the original a paper of the kind is published in.</summary>
    public IReadOnlyList<string> RequiredLanguages { get; init; } = [];
}

/// <summary>An agency's internal clearance chain changed: the agency's own business.</summary>
public sealed record ClearanceChainChanged(string AgencyCode, IReadOnlyList<ClearanceStep> Steps) : IEventData
{
    public static string Type => "agency.clearance-chain-changed";
}

/// <summary>An agency sent its comments and suggestions on a revision: from now on the paper's agencies see them.</summary>
public sealed record ContributionSent(Guid PaperId, string AgencyCode, int Revision, int Count, IReadOnlyList<Guid> AnnotationIds) : IEventData
{
    public static string Type => "paper.contribution-sent";
}

/// <summary>The lead decided on a sent comment or suggestion.</summary>
public sealed record AnnotationDisposed(Guid PaperId, Guid AnnotationId, string AgencyCode, string Decision) : IEventData
{
    public static string Type => "paper.annotation-disposed";
}

/// <summary>An agency took back a comment or suggestion it had sent.</summary>
public sealed record AnnotationWithdrawn(Guid PaperId, Guid AnnotationId, string AgencyCode) : IEventData
{
    public static string Type => "paper.annotation-withdrawn";
}

/// <summary>An agency's contribution went into its clearance, or reached its next step: the step's holders are asked. The agency's own business.</summary>
public sealed record ContributionClearanceRequested(Guid PaperId, Guid ContributionId, string AgencyCode, int Revision, string ContentHash, string Step, int Position,
    IReadOnlyList<string> Holders) : IEventData
{
    public static string Type => "paper.contribution-clearance-requested";
}

/// <summary>A step of an agency's clearance cleared its contribution, or sent it back. The agency's own business.</summary>
public sealed record ContributionCleared(Guid PaperId, Guid ContributionId, string AgencyCode, int Revision, string Step, int Position, string Decision, string By,
    string? Comment) : IEventData
{
    public static string Type => "paper.contribution-cleared";
}

/// <summary>A language version got a revision: its text's hash and the exact revision (and hash) of the original it translates.</summary>
public sealed record VersionAdded(Guid PaperId, string Language, int Revision, string ContentHash, int BasedOnRevision, string BasedOnHash, string Author) : IEventData
{
    public static string Type => "paper.version-added";
}

/// <summary>The original got a new revision (or an editorial correction): a version of an older one is out of date.</summary>
public sealed record VersionOutOfDate(Guid PaperId, string Language, int Revision, int BasedOnRevision, int OriginalRevision) : IEventData
{
    public static string Type => "paper.version-out-of-date";
}

/// <summary>A reviewer of the language confirmed a version against the original's hash, or sent it back with a reason.</summary>
public sealed record VersionReviewed(Guid PaperId, string Language, string Decision, int Revision, string ContentHash, int BasedOnRevision, string BasedOnHash,
    string Reviewer, string? OnBehalfOf, string? Reason) : IEventData
{
    public static string Type => "paper.version-reviewed";
}

/// <summary>The secretariat named who reviews the versions in a language.</summary>
public sealed record LanguageReviewersChanged(string Language, IReadOnlyList<string> Emails) : IEventData
{
    public static string Type => "language.reviewers-changed";
}
