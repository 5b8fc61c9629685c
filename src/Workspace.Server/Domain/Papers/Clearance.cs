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

/// <summary>The rules every step of an agency's clearance obeys, whether it clears a round's text or a contribution.</summary>
public static class ClearanceRules
{
    /// <summary>The step named <paramref name="stepName"/> (any letter case), which <paramref name="by"/> must hold: its index.</summary>
    public static int HeldStep(IReadOnlyList<ClearanceStep> steps, string agencyCode, string stepName, Actor by)
    {
        var index = steps.ToList().FindIndex(s => string.Equals(s.Name, stepName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new RuleBrokenException("unknown-clearance-step", $"{agencyCode}'s clearance has the steps {string.Join(" → ", steps.Select(s => s.Name))}.");
        }

        var step = steps[index];
        if (!by.Holds(step.Emails))
        {
            throw new NotPermittedException($"The step {step.Name} of {agencyCode}'s clearance is held by {string.Join(", ", step.Emails)}.");
        }

        return index;
    }

    /// <summary>Sending back says why; approving is the turn of the step after the <paramref name="cleared"/> ones. <paramref name="what"/> names what is cleared ("text").</summary>
    public static void EnsureInTurn(IReadOnlyList<ClearanceStep> steps, int cleared, int index, ClearanceDecision decision, string? comment, string what)
    {
        if (decision == ClearanceDecision.SendBack && string.IsNullOrWhiteSpace(comment))
        {
            throw new RuleBrokenException("send-back-without-reason", $"Sending a {what} back says why.");
        }

        if (decision == ClearanceDecision.Approve && index != cleared)
        {
            var (step, waiting) = (steps[index], steps[cleared]);
            throw new RuleBrokenException("clearance-out-of-order", index < cleared
                    ? $"The step {step.Name} has already cleared this {what}; it is with {waiting.Name} now."
                    : $"The {what} is with {waiting.Name}; {step.Name} clears it after that.",
                new Dictionary<string, object?> { ["waitingFor"] = waiting.Name });
        }
    }
}
