namespace Workspace.Server.Domain.Papers;

public enum CorrectionStatus
{
    /// <summary>The signatories may object until the deadline.</summary>
    Pending,

    /// <summary>No objection by the deadline: the corrected text is the approved one, every sign-off carried over.</summary>
    Adopted,

    /// <summary>A signatory objected: the text needs a full round.</summary>
    Objected,
}

/// <summary>
/// An editorial correction the lead proposed to a signed-off or published paper (a typo, a broken link): a
/// new revision every signatory agency may object to within a short silence period.
/// </summary>
public sealed class Correction
{
    private Correction()
    {
    }

    internal Correction(Guid paperId, int revision, int correctedRevision, string contentHash, IEnumerable<string> signatories, Actor by, DateTime now, DateTime deadline)
    {
        Id = Guid.CreateVersion7();
        PaperId = paperId;
        RevisionNumber = revision;
        CorrectedRevisionNumber = correctedRevision;
        ContentHash = contentHash;
        SignatoryAgencyCodes = [.. signatories.Order(StringComparer.Ordinal)];
        ProposedBy = by.Email;
        ProposedByAgencyCode = by.AgencyCode;
        ProposedAt = now;
        Deadline = deadline;
        Status = CorrectionStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    /// <summary>The revision that carries the correction.</summary>
    public int RevisionNumber { get; private set; }

    /// <summary>The approved revision it corrects.</summary>
    public int CorrectedRevisionNumber { get; private set; }

    public string ContentHash { get; private set; } = "";

    /// <summary>The agencies whose sign-off would carry over, each of which may object.</summary>
    public List<string> SignatoryAgencyCodes { get; private set; } = [];

    public string ProposedBy { get; private set; } = "";

    public string ProposedByAgencyCode { get; private set; } = "";

    public DateTime ProposedAt { get; private set; }

    public DateTime Deadline { get; private set; }

    public CorrectionStatus Status { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? ObjectedByAgencyCode { get; private set; }

    public string? ObjectedBy { get; private set; }

    public string? ObjectedOnBehalfOf { get; private set; }

    public string? Objection { get; private set; }

    internal void Object(Actor by, string reason, DateTime now)
    {
        Status = CorrectionStatus.Objected;
        ClosedAt = now;
        ObjectedByAgencyCode = by.AgencyCode;
        ObjectedBy = by.Email;
        ObjectedOnBehalfOf = by.OnBehalfOf;
        Objection = reason;
    }

    internal void Adopt(DateTime now)
    {
        Status = CorrectionStatus.Adopted;
        ClosedAt = now;
    }
}
