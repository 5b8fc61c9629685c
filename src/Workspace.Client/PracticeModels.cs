namespace Workspace.Client;

/// <summary>The secretariat's sign-off rule for one kind of paper.</summary>
/// <param name="PaperKind">The kind of paper.</param>
/// <param name="Signers"><c>AllMembers</c>, <c>WorkingGroup</c>, <c>Participants</c> or <c>Named</c>.</param>
/// <param name="AgencyCodes">For <c>Named</c>: the agencies that must sign.</param>
/// <param name="Procedure">The default procedure of a new round: <c>Unanimous</c> or <c>Silence</c>.</param>
/// <param name="MinimumNotice">How far away a round's deadline must be at least.</param>
/// <param name="ClearanceRequired">Whether each agency clears the text inside before its word counts.</param>
/// <param name="ChangedAt">When the secretariat last set it; null for the default.</param>
/// <param name="ChangedBy">Who set it.</param>
public sealed record SignOffRule(string PaperKind, string Signers, IReadOnlyList<string> AgencyCodes, string Procedure, TimeSpan MinimumNotice,
    bool ClearanceRequired, DateTimeOffset? ChangedAt, string? ChangedBy, IReadOnlyList<string>? RequiredLanguages = null);

/// <summary>One step of an agency's internal clearance.</summary>
/// <param name="Name">Such as <c>Legal</c>.</param>
/// <param name="Emails">Who holds it; any one of them clears it.</param>
public sealed record ClearanceStep(string Name, IReadOnlyList<string> Emails);

/// <summary>An agency's internal clearance chain, in order.</summary>
/// <param name="AgencyCode">The agency.</param>
/// <param name="Steps">The steps in order; none when the focal points' word counts as it is.</param>
/// <param name="ChangedAt">When it was last set.</param>
/// <param name="ChangedBy">Who set it.</param>
public sealed record ClearanceChain(string AgencyCode, IReadOnlyList<ClearanceStep> Steps, DateTimeOffset? ChangedAt, string? ChangedBy);

/// <summary>A step of my agency's clearance on a round, and whether it has cleared the text.</summary>
/// <param name="Name">The step.</param>
/// <param name="Emails">Who holds it.</param>
/// <param name="Cleared">Whether it approved the round's text since the chain last started over.</param>
public sealed record ClearanceStepStatus(string Name, IReadOnlyList<string> Emails, bool Cleared);

/// <summary>One step's word.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Position">Its place in the chain, from 1.</param>
/// <param name="Decision"><c>Approve</c> or <c>SendBack</c>.</param>
/// <param name="By">Who acted.</param>
/// <param name="OnBehalfOf">The person an alternate acted for.</param>
/// <param name="At">When.</param>
/// <param name="Comment">The reason or remark.</param>
public sealed record ClearanceAction(string Step, int Position, string Decision, string By, string? OnBehalfOf, DateTimeOffset At, string? Comment);

/// <summary>My agency's internal clearance of a paper's latest round, for my agency's eyes only.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="Round">The round's number.</param>
/// <param name="Revision">The revision being cleared.</param>
/// <param name="ContentHash">Its hash.</param>
/// <param name="AgencyCode">My agency.</param>
/// <param name="Status">My agency's status in the round as others see it.</param>
/// <param name="Required">Whether the round asks my agency to clear inside.</param>
/// <param name="Steps">The steps as the round took them.</param>
/// <param name="WaitingFor">The step the text is with, if any.</param>
/// <param name="History">Every step's word, in order.</param>
public sealed record Clearance(Guid PaperId, int Round, int Revision, string ContentHash, string AgencyCode, string Status, bool Required,
    IReadOnlyList<ClearanceStepStatus> Steps, string? WaitingFor, IReadOnlyList<ClearanceAction> History);

/// <summary>An alternate's period.</summary>
/// <param name="Email">The other person (my alternate, or whom I stand in for).</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="From">When it starts.</param>
/// <param name="To">When it ends.</param>
/// <param name="Active">Whether it holds now.</param>
public sealed record AlternatePeriod(string Email, string DisplayName, DateTimeOffset From, DateTimeOffset To, bool Active);

/// <summary>My alternate, and those I stand in for now.</summary>
/// <param name="Alternate">My alternate, now or to come.</param>
/// <param name="ActingFor">Those I may act for now.</param>
public sealed record MyAlternate(AlternatePeriod? Alternate, IReadOnlyList<AlternatePeriod> ActingFor);

/// <summary>An editorial correction of a signed-off or published paper and what became of it.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="Revision">The revision carrying the correction.</param>
/// <param name="CorrectedRevision">The approved revision it corrects.</param>
/// <param name="ContentHash">The corrected text's hash.</param>
/// <param name="Status"><c>Pending</c>, <c>Adopted</c> or <c>Objected</c>.</param>
/// <param name="Deadline">The end of the period for objections.</param>
/// <param name="SignatoryAgencyCodes">The agencies whose sign-off carries over, each of which may object.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="ClosedAt">When it was adopted or objected to.</param>
/// <param name="ObjectedByAgencyCode">The agency that objected.</param>
/// <param name="ObjectedBy">Who objected for it.</param>
/// <param name="ObjectedOnBehalfOf">Whom they stood in for, if an alternate.</param>
/// <param name="Objection">Why.</param>
public sealed record Correction(Guid PaperId, int Revision, int CorrectedRevision, string ContentHash, string Status, DateTimeOffset Deadline,
    IReadOnlyList<string> SignatoryAgencyCodes, string ProposedBy, DateTimeOffset ProposedAt, DateTimeOffset? ClosedAt,
    string? ObjectedByAgencyCode, string? ObjectedBy, string? ObjectedOnBehalfOf, string? Objection);
