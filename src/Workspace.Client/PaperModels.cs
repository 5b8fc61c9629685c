namespace Workspace.Client;

/// <summary>A revision's identity, without its text.</summary>
/// <param name="Number">1, 2, …</param>
/// <param name="ContentHash"><c>sha256:</c> and the hex SHA-256 of the UTF-8 body.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="CreatedAt">When.</param>
public sealed record RevisionSummary(int Number, string ContentHash, string Author, DateTimeOffset CreatedAt);

/// <summary>A revision with its text.</summary>
/// <param name="Number">1, 2, …</param>
/// <param name="Body">Markdown.</param>
/// <param name="ContentHash"><c>sha256:</c> and the hex SHA-256 of the UTF-8 body.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="AuthorAgencyCode">The agency they wrote for.</param>
/// <param name="CreatedAt">When.</param>
public sealed record Revision(int Number, string Body, string ContentHash, string Author, string AuthorAgencyCode, DateTimeOffset CreatedAt);

/// <summary>
/// One block of a revision: a heading, paragraph, list item or table row (<c>Other</c>: code). <see cref="Id"/> stays the
/// same across revisions while the block lives; <see cref="Number"/> is the one people cite in this revision ("¶ 12").
/// </summary>
public sealed record Block(string Id, int Number, string Kind, string Text);

/// <summary>Where one agency stands in a round.</summary>
/// <param name="AgencyCode">The agency.</param>
/// <param name="Status"><c>Pending</c>, <c>InClearance</c>, <c>Approved</c>, <c>Objected</c> or <c>AdoptedBySilence</c>.</param>
/// <param name="By">Who decided for it.</param>
/// <param name="At">When.</param>
/// <param name="Comment">The reason given, if any.</param>
/// <param name="OnBehalfOf">When <paramref name="By"/> acted as someone's alternate: that person.</param>
public sealed record RoundAgency(string AgencyCode, string Status, string? By, DateTimeOffset? At, string? Comment, string? OnBehalfOf = null);

/// <summary>A sign-off round.</summary>
/// <param name="Number">1, 2, … per paper.</param>
/// <param name="Revision">The revision it is about.</param>
/// <param name="ContentHash">That revision's hash: what every sign-off names.</param>
/// <param name="Procedure"><c>Unanimous</c> or <c>Silence</c>.</param>
/// <param name="Deadline">When it ends.</param>
/// <param name="Status"><c>Open</c>, <c>Completed</c>, <c>Broken</c> or <c>Cancelled</c>.</param>
/// <param name="Overdue">A unanimous round still open after its deadline.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ClosedAt">When it ended, if it did.</param>
/// <param name="Agencies">Every participating agency's status.</param>
/// <param name="Signers">Whose sign-off the rule of the paper's kind asked for when the round opened: <c>AllMembers</c>, <c>WorkingGroup</c>, <c>Participants</c> or <c>Named</c>.</param>
/// <param name="ClearanceRequired">Whether that rule asked each agency to clear the text inside first.</param>
/// <param name="ClosingReason">How it ended, once it has.</param>
public sealed record Round(int Number, int Revision, string ContentHash, string Procedure, DateTimeOffset Deadline, string Status, bool Overdue,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<RoundAgency> Agencies, string Signers = "Participants", bool ClearanceRequired = false,
    ClosingReason? ClosingReason = null)
{
    /// <summary>The comments matrix as it stood when the round opened (in the list of rounds only).</summary>
    public IReadOnlyList<Disposition>? Dispositions { get; init; }
}

/// <summary>
/// One line of a paper's comments matrix: a sent comment or suggestion of <see cref="AgencyCode"/> on paragraph
/// <see cref="BlockNumber"/> of <see cref="Revision"/>, what the lead made of it (<see cref="Status"/>) and why, and
/// the revision that took it in.
/// </summary>
public sealed record Disposition(Guid AnnotationId, string AgencyCode, int Revision, int? BlockNumber, string Kind, string Quote, string? Text,
    string? Justification, string Status, string? Reason, int? AppliedInRevision);

/// <summary>How a round ended.</summary>
/// <param name="Kind"><c>Completed</c> (every agency approved), <c>SilenceBroken</c>, <c>Cancelled</c> (a new revision, or the paper withdrawn) or <c>Adopted</c> (silence kept to the deadline).</param>
/// <param name="ByAgencyCode">The agency whose act ended it: the objector, or the author of the revision or the withdrawal that cancelled it.</param>
/// <param name="Revision">For a round cancelled by a new revision: that revision.</param>
public sealed record ClosingReason(string Kind, string? ByAgencyCode, int? Revision);

/// <summary>A paper as a participant or the secretariat sees it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind"><c>IssuePaper</c>, <c>IssueBrief</c>, <c>JointStatement</c>, <c>Submission</c>, <c>AnnualReport</c>, <c>Minutes</c> or <c>Other</c>.</param>
/// <param name="State"><c>Drafting</c>, <c>InSignOff</c>, <c>SignedOff</c>, <c>Published</c> or <c>Withdrawn</c>.</param>
/// <param name="LeadAgencyCode">The lead agency.</param>
/// <param name="ParticipatingAgencyCodes">Every participating agency, the lead included.</param>
/// <param name="WorkingGroupId">The working group it belongs to, if any.</param>
/// <param name="MeetingId">For minutes: the meeting they record.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="LatestRevision">The latest revision, if any.</param>
/// <param name="Round">The latest sign-off round, if any.</param>
/// <param name="PublishedAt">When it was published, if it was.</param>
/// <param name="AllowedActions">What the caller may do now (<c>AddRevision</c>, <c>SignOff</c>, …).</param>
public sealed record Paper(Guid Id, string Title, string Kind, string State, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes,
    Guid? WorkingGroupId, Guid? MeetingId, DateTimeOffset CreatedAt, RevisionSummary? LatestRevision, Round? Round, DateTimeOffset? PublishedAt,
    IReadOnlyList<string> AllowedActions)
{
    /// <summary>The language the paper is negotiated and signed in (<c>en</c> by default): the authentic text.</summary>
    public string OriginalLanguage { get; init; } = "en";

    /// <summary>Its versions in the other official languages.</summary>
    public IReadOnlyList<LanguageVersion> Versions { get; init; } = [];
}

/// <summary>A paper's version in another official language, tied to one revision of the original by its hash.</summary>
/// <param name="Language"><c>fr</c>, <c>es</c>, <c>ru</c>, <c>zh</c>, <c>ar</c> or <c>en</c>.</param>
/// <param name="BasedOnRevision">The revision of the original it translates.</param>
/// <param name="BasedOnHash">That revision's hash.</param>
/// <param name="Revision">The version's latest revision.</param>
/// <param name="ContentHash">Its text's hash.</param>
/// <param name="Status"><c>Draft</c>, <c>OutOfDate</c>, <c>Confirmed</c> or <c>SentBack</c>.</param>
/// <param name="Reviewer">Who last reviewed it.</param>
/// <param name="ConfirmedAt">When it was confirmed, if it stands confirmed.</param>
/// <param name="Reason">Why it was sent back.</param>
public sealed record LanguageVersion(string Language, int BasedOnRevision, string BasedOnHash, int Revision, string ContentHash, string Status, string? Reviewer,
    DateTimeOffset? ConfirmedAt, string? Reason = null);

/// <summary>A version's new revision.</summary>
/// <param name="Language">Its language.</param>
/// <param name="Revision">Its number.</param>
/// <param name="ContentHash">The hash of its text.</param>
/// <param name="BasedOnRevision">The revision of the original it translates.</param>
/// <param name="BasedOnHash">That revision's hash.</param>
public sealed record VersionRevisionSummary(string Language, int Revision, string ContentHash, int BasedOnRevision, string BasedOnHash);

/// <summary>A recorded sign-off decision.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="Round">The round's number.</param>
/// <param name="AgencyCode">The agency it is for.</param>
/// <param name="Decision"><c>Approve</c> or <c>Object</c>.</param>
/// <param name="By">Who decided.</param>
/// <param name="OnBehalfOf">When <paramref name="By"/> acted as someone's alternate: that person.</param>
/// <param name="At">When.</param>
/// <param name="Comment">The reason given.</param>
/// <param name="RoundStatus">The round's status after this decision.</param>
/// <param name="PaperState">The paper's state after this decision.</param>
public sealed record SignOff(Guid PaperId, int Round, string AgencyCode, string Decision, string By, string? OnBehalfOf, DateTimeOffset At, string? Comment,
    string RoundStatus, string PaperState);

/// <summary>A notification for the signed-in person.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Kind">Such as <c>round-opened</c>, <c>sign-off-reminder</c>, <c>round-completed</c>.</param>
/// <param name="Text">What to tell the person.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="Read">Whether it was marked read.</param>
public sealed record Notification(Guid Id, string Kind, string Text, EventSubject Subject, DateTimeOffset CreatedAt, bool Read);

/// <summary>A published paper.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind">Kind of paper.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Summary">Summary.</param>
/// <param name="Tags">Regions and themes.</param>
/// <param name="AgencyCodes">The signatories.</param>
/// <param name="ContentHash">The hash every signatory approved.</param>
/// <param name="CorrectedAt">When an editorial correction, adopted without objection, last changed the published text.</param>
public sealed record Publication(Guid PaperId, string Title, string Kind, DateTimeOffset PublishedAt, string Summary, IReadOnlyList<string> Tags,
    IReadOnlyList<string> AgencyCodes, string ContentHash, DateTimeOffset? CorrectedAt = null)
{
    /// <summary>The languages it is published in: the original (authentic) and each version confirmed against it.</summary>
    public IReadOnlyList<PublishedLanguage> Languages { get; init; } = [];
}

/// <summary>One language a publication is offered in.</summary>
/// <param name="Language">Its code.</param>
/// <param name="ContentHash">The hash of the text in that language.</param>
/// <param name="Reviewer">Who confirmed the version against the original; null for the original.</param>
/// <param name="Authentic">Whether this is the original, the text the agencies signed.</param>
public sealed record PublishedLanguage(string Language, string ContentHash, string? Reviewer, bool Authentic);

/// <summary>A paper in a list.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind">Kind of paper.</param>
/// <param name="State">State.</param>
/// <param name="LeadAgencyCode">The lead agency.</param>
/// <param name="ParticipatingAgencyCodes">Every participating agency.</param>
/// <param name="LatestRevision">The latest revision's number (0: none yet).</param>
/// <param name="CreatedAt">When it was started.</param>
public sealed record PaperSummary(Guid Id, string Title, string Kind, string State, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes,
    int LatestRevision, DateTimeOffset CreatedAt);

/// <summary>A comment on one revision of a paper.</summary>
/// <param name="Id">The comment's id.</param>
/// <param name="Revision">The revision it is about.</param>
/// <param name="Text">What it says.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="AuthorAgencyCode">For which agency.</param>
/// <param name="CreatedAt">When.</param>
public sealed record Comment(Guid Id, int Revision, string Text, string Author, string AuthorAgencyCode, DateTimeOffset CreatedAt);

/// <summary>
/// A comment on, or a suggested change to, a passage (<see cref="Quote"/>) of one block of one revision. <see cref="Kind"/>:
/// <c>Comment</c>, <c>Replace</c>, <c>Insert</c> (after the passage), <c>Delete</c>. <see cref="Status"/>: <c>Draft</c> (seen
/// by its agency alone), <c>Open</c> (sent), <c>Accepted</c>, <c>PartlyAccepted</c>, <c>Rejected</c>, <c>Noted</c>,
/// <c>Outdated</c>, <c>Withdrawn</c>.
/// </summary>
public sealed record Annotation(Guid Id, Guid PaperId, int Revision, string BlockId, string Quote, int Occurrence, string Kind, string? Text,
    string? Justification, string AgencyCode, string Author, string Status, DateTimeOffset CreatedAt, string? Reason, int? AppliedInRevision);

/// <summary>What a Word redline became: my agency's new drafts, and what it marked that could not be placed, with why.</summary>
public sealed record ImportedAnnotations(IReadOnlyList<Annotation> Created, IReadOnlyList<NotAnchored> NotAnchored);

/// <summary>A mark of a Word redline that could not be placed on the revision: its kind, what it said, and why.</summary>
public sealed record NotAnchored(string Kind, string Text, string Reason);

/// <summary>What an agency sent on a revision.</summary>
/// <param name="Status"><c>Sent</c>, or <c>InClearance</c> while the agency's clearance chain clears it (its items still the agency's drafts).</param>
/// <param name="ContentHash">In clearance: the content each step clears.</param>
/// <param name="WaitingFor">In clearance: the step that clears it next.</param>
public sealed record Contribution(string AgencyCode, int Revision, IReadOnlyList<Guid> AnnotationIds, string Status, string? ContentHash = null, string? WaitingFor = null);

/// <summary>My agency's contribution as its clearance chain clears it: the steps, where it is, and every step's word.</summary>
/// <param name="Changed">In clearance, the drafts are no longer what went in: the steps refuse it until it is sent again.</param>
public sealed record ContributionClearance(Guid Id, int Revision, string Status, string ContentHash, int Items, IReadOnlyList<ClearanceStepStatus> Steps, string? WaitingFor,
    IReadOnlyList<ClearanceAction> History, bool Changed = false);

/// <summary>A revision the lead built from suggestions, with those it took in.</summary>
public sealed record FoldedRevision(int Number, string ContentHash, string Author, DateTimeOffset CreatedAt, IReadOnlyList<Guid> AppliedAnnotationIds);
