namespace Workspace.Server.Domain.Papers;

/// <summary>
/// One round of sign-off on one revision of a paper, bound to that revision's content hash. Every
/// participating agency has a status in it; every decision is kept in its history.
/// </summary>
public sealed class Round
{
    private readonly List<RoundAgency> agencies = [];
    private readonly List<SignOffDecision> decisions = [];
    private readonly List<ClearanceAction> clearances = [];

    private Round()
    {
    }

    internal Round(Guid paperId, int number, int revision, string contentHash, Procedure procedure, DateTime deadline,
        IEnumerable<string> agencyCodes, DateTime openedAt, string openedBy, IEnumerable<int> remindersAlreadyDue, RoundTerms terms)
    {
        Id = Guid.CreateVersion7();
        PaperId = paperId;
        Number = number;
        RevisionNumber = revision;
        ContentHash = contentHash;
        Procedure = procedure;
        Deadline = deadline;
        Status = RoundStatus.Open;
        OpenedAt = openedAt;
        OpenedBy = openedBy;
        RemindersSent = [.. remindersAlreadyDue];
        Signers = terms.Signers;
        ClearanceRequired = terms.ClearanceRequired;
        agencies.AddRange(agencyCodes.Select(code => new RoundAgency(Id, code,
            terms.ClearanceRequired && terms.Chains.TryGetValue(code, out var chain) ? chain : [])));
    }

    /// <summary>A round no agency answered: an adopted editorial correction, carrying over the sign-offs of <paramref name="approved"/>.</summary>
    internal static Round CarryOver(Round approved, int number, int revision, string contentHash, DateTime now, string by)
    {
        var round = new Round
        {
            Id = Guid.CreateVersion7(),
            PaperId = approved.PaperId,
            Number = number,
            RevisionNumber = revision,
            ContentHash = contentHash,
            Procedure = approved.Procedure,
            Deadline = now,
            Status = RoundStatus.Completed,
            OpenedAt = now,
            OpenedBy = by,
            ClosedAt = now,
            Closing = RoundClosing.Completed,
            Signers = approved.Signers,
            ClearanceRequired = approved.ClearanceRequired,
            CarriedOverFromRound = approved.Number,
        };
        round.agencies.AddRange(approved.agencies.Select(a => a.CarriedOver(round.Id)));
        return round;
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    public int Number { get; private set; }

    /// <summary>For an adopted editorial correction: the round whose sign-offs it carries over.</summary>
    public int? CarriedOverFromRound { get; private set; }

    public int RevisionNumber { get; private set; }

    public string ContentHash { get; private set; } = "";

    public Procedure Procedure { get; private set; }

    /// <summary>Whose sign-off the rule of the paper's kind asked for when the round opened.</summary>
    public Signers Signers { get; private set; }

    /// <summary>Whether the rule asked each agency to clear the text inside (by its chain as it stood then).</summary>
    public bool ClearanceRequired { get; private set; }

    public DateTime Deadline { get; private set; }

    public RoundStatus Status { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTime? ClosedAt { get; private set; }

    /// <summary>How the round ended, once it has.</summary>
    public RoundClosing? Closing { get; private set; }

    /// <summary>The agency whose act ended it: the objector that broke silence, the author of the revision or the withdrawal that cancelled it.</summary>
    public string? ClosedByAgencyCode { get; private set; }

    /// <summary>For a round cancelled by a new revision: that revision.</summary>
    public int? ClosedByRevision { get; private set; }

    /// <summary>A unanimous round still open after its deadline.</summary>
    public bool Overdue { get; private set; }

    /// <summary>The comments matrix as it stood when the round opened (JSON): what each agency reads of its input before it decides.</summary>
    public string? FrozenDispositions { get; private set; }

    /// <summary>Keeps the comments matrix of the revision the round is on, as it stands now.</summary>
    public void FreezeDispositions(string matrix) => FrozenDispositions ??= matrix;

    /// <summary>The reminders (hours before the deadline) already sent or passed when the round opened.</summary>
    public List<int> RemindersSent { get; private set; } = [];

    public IReadOnlyList<RoundAgency> Agencies => agencies;

    /// <summary>Decisions recorded in this session; the full history is in the database, appended only.</summary>
    public IReadOnlyList<SignOffDecision> Decisions => decisions;

    /// <summary>Clearance steps recorded in this session; the full history is in the database, appended only.</summary>
    public IReadOnlyList<ClearanceAction> Clearances => clearances;

    public bool IsOpen => Status == RoundStatus.Open;

    /// <summary>The agencies that have not given their word yet, clearing inside or not.</summary>
    public IReadOnlyList<string> PendingAgencyCodes =>
        [.. agencies.Where(a => a.Status is AgencySignOffStatus.Pending or AgencySignOffStatus.InClearance).Select(a => a.AgencyCode).Order(StringComparer.Ordinal)];

    internal RoundAgency Record(string agencyCode, Decision decision, Actor by, DateTime at, string? comment)
    {
        var agency = agencies.Single(a => a.AgencyCode == agencyCode);
        agency.Set(decision == Decision.Approve ? AgencySignOffStatus.Approved : AgencySignOffStatus.Objected, by.Email, at, comment, by.OnBehalfOf);
        decisions.Add(new SignOffDecision(Id, agencyCode, decision, by, at, comment));
        return agency;
    }

    internal ClearanceAction Clear(RoundAgency agency, int step, ClearanceDecision decision, Actor by, DateTime at, string? comment)
    {
        agency.Clear(step, decision);
        var action = new ClearanceAction(Id, agency.AgencyCode, step, agency.ClearanceSteps[step - 1].Name, decision, by, at, comment);
        clearances.Add(action);
        return action;
    }

    internal void Close(RoundStatus status, DateTime at, RoundClosing closing, string? byAgencyCode, int? byRevision)
    {
        Status = status;
        ClosedAt = at;
        Closing = closing;
        ClosedByAgencyCode = byAgencyCode;
        ClosedByRevision = byRevision;
        if (status == RoundStatus.Completed)
        {
            // An agency still clearing inside has not objected: silence adopts for it too.
            foreach (var agency in agencies.Where(a => a.Status is AgencySignOffStatus.Pending or AgencySignOffStatus.InClearance))
            {
                agency.Set(AgencySignOffStatus.AdoptedBySilence, null, at, null, null);
            }
        }
    }

    internal void MarkOverdue() => Overdue = true;

    internal void MarkRemindersSent(IEnumerable<int> hours) => RemindersSent = [.. RemindersSent.Union(hours).Order()];
}

/// <summary>Where one agency stands in a round.</summary>
public sealed class RoundAgency
{
    private RoundAgency()
    {
    }

    internal RoundAgency(Guid roundId, string agencyCode, IReadOnlyList<ClearanceStep> clearanceSteps)
    {
        RoundId = roundId;
        AgencyCode = agencyCode;
        Status = AgencySignOffStatus.Pending;
        ClearanceSteps = [.. clearanceSteps];
    }

    public Guid RoundId { get; private set; }

    public string AgencyCode { get; private set; } = "";

    public AgencySignOffStatus Status { get; private set; }

    /// <summary>Who decided for the agency (an e-mail address); none for adoption by silence.</summary>
    public string? By { get; private set; }

    /// <summary>When <see cref="By"/> acted as someone's alternate: that person.</summary>
    public string? OnBehalfOf { get; private set; }

    /// <summary>The agency's internal clearance chain for this round, as it stood when the round opened; empty when none is needed.</summary>
    public List<ClearanceStep> ClearanceSteps { get; private set; } = [];

    /// <summary>How many steps, in order, have approved the round's text since the chain last started over.</summary>
    public int ClearedSteps { get; private set; }

    public bool NeedsClearance => ClearanceSteps.Count > 0;

    public bool IsCleared => ClearedSteps >= ClearanceSteps.Count;

    public DateTime? At { get; private set; }

    public string? Comment { get; private set; }

    internal RoundAgency CarriedOver(Guid roundId) => new(roundId, AgencyCode, [])
    {
        Status = Status,
        By = By,
        At = At,
        Comment = Comment,
        OnBehalfOf = OnBehalfOf,
    };

    internal void Set(AgencySignOffStatus status, string? by, DateTime at, string? comment, string? onBehalfOf)
    {
        Status = status;
        By = by;
        At = at;
        Comment = comment;
        OnBehalfOf = onBehalfOf;
    }

    internal void Clear(int step, ClearanceDecision decision)
    {
        ClearedSteps = decision == ClearanceDecision.Approve ? step : 0;
        if (Status == AgencySignOffStatus.Pending)
        {
            Status = AgencySignOffStatus.InClearance;
        }
    }
}

/// <summary>One decision as it was recorded; a changed decision adds a row, never rewrites one.</summary>
public sealed class SignOffDecision
{
    private SignOffDecision()
    {
    }

    internal SignOffDecision(Guid roundId, string agencyCode, Decision decision, Actor by, DateTime at, string? comment)
    {
        RoundId = roundId;
        AgencyCode = agencyCode;
        Decision = decision;
        By = by.Email;
        OnBehalfOf = by.OnBehalfOf;
        At = at;
        Comment = comment;
    }

    public long Id { get; private set; }

    public Guid RoundId { get; private set; }

    public string AgencyCode { get; private set; } = "";

    public Decision Decision { get; private set; }

    public string By { get; private set; } = "";

    public string? OnBehalfOf { get; private set; }

    public DateTime At { get; private set; }

    public string? Comment { get; private set; }
}
