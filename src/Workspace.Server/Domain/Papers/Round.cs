namespace Workspace.Server.Domain.Papers;

/// <summary>
/// One round of sign-off on one revision of a paper, bound to that revision's content hash. Every
/// participating agency has a status in it; every decision is kept in its history.
/// </summary>
public sealed class Round
{
    private readonly List<RoundAgency> agencies = [];
    private readonly List<SignOffDecision> decisions = [];

    private Round()
    {
    }

    internal Round(Guid paperId, int number, int revision, string contentHash, Procedure procedure, DateTime deadline,
        IEnumerable<string> agencyCodes, DateTime openedAt, string openedBy, IEnumerable<int> remindersAlreadyDue)
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
        agencies.AddRange(agencyCodes.Select(code => new RoundAgency(Id, code)));
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    public int Number { get; private set; }

    public int RevisionNumber { get; private set; }

    public string ContentHash { get; private set; } = "";

    public Procedure Procedure { get; private set; }

    public DateTime Deadline { get; private set; }

    public RoundStatus Status { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTime? ClosedAt { get; private set; }

    /// <summary>A unanimous round still open after its deadline.</summary>
    public bool Overdue { get; private set; }

    /// <summary>The reminders (hours before the deadline) already sent or passed when the round opened.</summary>
    public List<int> RemindersSent { get; private set; } = [];

    public IReadOnlyList<RoundAgency> Agencies => agencies;

    /// <summary>Decisions recorded in this session; the full history is in the database, appended only.</summary>
    public IReadOnlyList<SignOffDecision> Decisions => decisions;

    public bool IsOpen => Status == RoundStatus.Open;

    public IReadOnlyList<string> PendingAgencyCodes =>
        [.. agencies.Where(a => a.Status == AgencySignOffStatus.Pending).Select(a => a.AgencyCode).Order(StringComparer.Ordinal)];

    internal RoundAgency Record(string agencyCode, Decision decision, string by, DateTime at, string? comment)
    {
        var agency = agencies.Single(a => a.AgencyCode == agencyCode);
        agency.Set(decision == Decision.Approve ? AgencySignOffStatus.Approved : AgencySignOffStatus.Objected, by, at, comment);
        decisions.Add(new SignOffDecision(Id, agencyCode, decision, by, at, comment));
        return agency;
    }

    internal void Close(RoundStatus status, DateTime at)
    {
        Status = status;
        ClosedAt = at;
        if (status == RoundStatus.Completed)
        {
            foreach (var agency in agencies.Where(a => a.Status == AgencySignOffStatus.Pending))
            {
                agency.Set(AgencySignOffStatus.AdoptedBySilence, null, at, null);
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

    internal RoundAgency(Guid roundId, string agencyCode)
    {
        RoundId = roundId;
        AgencyCode = agencyCode;
        Status = AgencySignOffStatus.Pending;
    }

    public Guid RoundId { get; private set; }

    public string AgencyCode { get; private set; } = "";

    public AgencySignOffStatus Status { get; private set; }

    /// <summary>Who decided for the agency (an e-mail address); none for adoption by silence.</summary>
    public string? By { get; private set; }

    public DateTime? At { get; private set; }

    public string? Comment { get; private set; }

    internal void Set(AgencySignOffStatus status, string? by, DateTime at, string? comment)
    {
        Status = status;
        By = by;
        At = at;
        Comment = comment;
    }
}

/// <summary>One decision as it was recorded; a changed decision adds a row, never rewrites one.</summary>
public sealed class SignOffDecision
{
    private SignOffDecision()
    {
    }

    internal SignOffDecision(Guid roundId, string agencyCode, Decision decision, string by, DateTime at, string? comment)
    {
        RoundId = roundId;
        AgencyCode = agencyCode;
        Decision = decision;
        By = by;
        At = at;
        Comment = comment;
    }

    public long Id { get; private set; }

    public Guid RoundId { get; private set; }

    public string AgencyCode { get; private set; } = "";

    public Decision Decision { get; private set; }

    public string By { get; private set; } = "";

    public DateTime At { get; private set; }

    public string? Comment { get; private set; }
}
