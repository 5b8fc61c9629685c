namespace Workspace.Server.Domain.Papers;

public enum PaperKind
{
    IssuePaper,
    IssueBrief,
    JointStatement,
    Submission,
    AnnualReport,
    Minutes,
    Other,
}

public enum PaperState
{
    Drafting,
    InSignOff,
    SignedOff,
    Published,
    Withdrawn,
}

/// <summary>How a round reaches adoption.</summary>
public enum Procedure
{
    /// <summary>Every participating agency approves the same revision.</summary>
    Unanimous,

    /// <summary>Adopted at the deadline unless an agency objects; an objection breaks silence.</summary>
    Silence,
}

public enum RoundStatus
{
    Open,
    Completed,
    Broken,
    Cancelled,
}

/// <summary>How a round ended, as people say it: what happened to the agencies that had not answered.</summary>
public enum RoundClosing
{
    /// <summary>Every agency approved.</summary>
    Completed,

    /// <summary>An agency objected in a silence procedure: the round ended for everyone.</summary>
    SilenceBroken,

    /// <summary>A new revision, or the paper withdrawn: no decision on it counts any more.</summary>
    Cancelled,

    /// <summary>The silence procedure's deadline passed without objection.</summary>
    Adopted,
}

public enum AgencySignOffStatus
{
    Pending,

    /// <summary>The agency is clearing the text inside; others see no more than that.</summary>
    InClearance,
    Approved,
    Objected,
    AdoptedBySilence,
}

public enum Decision
{
    Approve,
#pragma warning disable CA1720 // The contract's word for an objection.
    Object,
#pragma warning restore CA1720
}

/// <summary>What can be done to a paper; the workflow says in which state and by whom.</summary>
public enum PaperAction
{
    AddRevision,
    Comment,
    OpenRound,
    SignOff,
    Clear,
    Publish,
    Withdraw,
    ProposeCorrection,
    ObjectToCorrection,

    /// <summary>Write or review a version of the paper in another official language.</summary>
    Translate,
}

/// <summary>The capacity in which someone acts on a paper. A person can hold several.</summary>
[Flags]
public enum Capacity
{
    None = 0,

    /// <summary>May see the paper: a participant or the secretariat.</summary>
    Viewer = 1,

    /// <summary>A focal point of a participating agency.</summary>
    Participant = 2,

    /// <summary>A focal point of the lead agency, or the secretariat.</summary>
    Lead = 4,

    Secretariat = 8,
}
