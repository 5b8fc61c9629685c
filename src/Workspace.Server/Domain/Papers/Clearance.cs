namespace Workspace.Server.Domain.Papers;

/// <summary>One step of an agency's internal clearance, held by the people named (any one of them clears it).</summary>
public sealed record ClearanceStep(string Name, IReadOnlyList<string> Emails);

public enum ClearanceDecision
{
    Approve,
    SendBack,
}

/// <summary>
/// How an agency clears a text inside before its word counts, e.g. focal point → legal office → head of office.
/// A round takes the chain as it stands when it opens; changing the chain never changes an open round.
/// </summary>
public sealed class ClearanceChain : Aggregate
{
    public const int MaxSteps = 10;

    private ClearanceChain()
    {
    }

    public string AgencyCode { get; private set; } = "";

    public List<ClearanceStep> Steps { get; private set; } = [];

    public DateTime ChangedAt { get; private set; }

    public string ChangedBy { get; private set; } = "";

    /// <summary>App-managed concurrency token: SQLite has no rowversion.</summary>
    public int Version { get; private set; }

    public static ClearanceChain For(string agencyCode) => new() { AgencyCode = agencyCode };

    /// <param name="agencyPeople">The addresses of the agency's people: only they may hold its steps.</param>
    public void Change(IEnumerable<ClearanceStep> steps, IReadOnlyCollection<string> agencyPeople, Actor by, DateTime now)
    {
        ActAs(by);
        var cleaned = steps.Select(s => new ClearanceStep(s.Name.Trim(), [.. s.Emails.Select(e => e.Trim().ToLowerInvariant()).Distinct()])).ToList();
        if (cleaned.Count > MaxSteps)
        {
            throw new RuleBrokenException("too-many-steps", $"A clearance chain has at most {MaxSteps} steps.");
        }

        if (cleaned.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != cleaned.Count)
        {
            throw new RuleBrokenException("duplicate-step", "Each step of a clearance chain has its own name.");
        }

        var strangers = cleaned.SelectMany(s => s.Emails).Where(e => !agencyPeople.Contains(e, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        if (strangers.Count > 0)
        {
            throw new RuleBrokenException("not-of-the-agency", $"Steps are held by people of {AgencyCode}; not: {string.Join(", ", strangers)}.");
        }

        Steps = cleaned;
        ChangedAt = now;
        ChangedBy = by.Email;
        Version++;
        // The chain names people and offices: the agency's own business.
        Raise(DomainEvent.Of(new ClearanceChainChanged(AgencyCode, Steps), new Subject("agency", AgencyCode), Audience.InternalTo(AgencyCode)));
    }
}

/// <summary>One step's word inside an agency on one round, appended and never rewritten.</summary>
public sealed class ClearanceAction
{
    private ClearanceAction()
    {
    }

    internal ClearanceAction(Guid roundId, string agencyCode, int step, string stepName, ClearanceDecision decision, Actor by, DateTime at, string? comment)
    {
        RoundId = roundId;
        AgencyCode = agencyCode;
        Step = step;
        StepName = stepName;
        Decision = decision;
        By = by.Email;
        OnBehalfOf = by.OnBehalfOf;
        At = at;
        Comment = comment;
    }

    public long Id { get; private set; }

    public Guid RoundId { get; private set; }

    public string AgencyCode { get; private set; } = "";

    /// <summary>1-based position of the step in the chain.</summary>
    public int Step { get; private set; }

    public string StepName { get; private set; } = "";

    public ClearanceDecision Decision { get; private set; }

    public string By { get; private set; } = "";

    public string? OnBehalfOf { get; private set; }

    public DateTime At { get; private set; }

    public string? Comment { get; private set; }
}
