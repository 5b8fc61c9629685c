using System.Security.Cryptography;
using System.Text;

namespace Workspace.Server.Domain.Papers;

public enum ContributionStatus
{
    /// <summary>The agency's clearance chain clears it before it goes: its drafts are still the agency's alone.</summary>
    InClearance,

    /// <summary>A step sent it back: the agency changes its drafts and sends again.</summary>
    SentBack,

    /// <summary>Every step cleared it: its items are sent.</summary>
    Sent,
}

/// <summary>One step's word on a contribution, kept with it.</summary>
public sealed record ContributionStepAction(string Step, int Position, ClearanceDecision Decision, string By, string? OnBehalfOf, DateTime At, string? Comment);

/// <summary>
/// An agency's contribution on a revision that its clearance chain clears before it is sent (where the sign-off rule of the
/// paper's kind asks for clearance): the same steps as a sign-off, in order, each bound to the contribution's content (its
/// hash over the drafts it holds). A draft changed, added or deleted meanwhile changes the hash: the steps refuse the old
/// one, and sending again starts the chain over on the new content.
/// </summary>
public sealed class Contribution : Aggregate
{
    private Contribution()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    public string AgencyCode { get; private set; } = "";

    public int Revision { get; private set; }

    /// <summary>The hash of the drafts as they stood when sent for clearance (<see cref="HashOf"/>).</summary>
    public string ContentHash { get; private set; } = "";

    public int Items { get; private set; }

    /// <summary>The chain as it stood when the contribution went into clearance.</summary>
    public List<ClearanceStep> Steps { get; private set; } = [];

    public int ClearedSteps { get; private set; }

    public ContributionStatus Status { get; private set; }

    public List<ContributionStepAction> History { get; private set; } = [];

    public string SentBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The step that clears it next, while it is in clearance.</summary>
    public ClearanceStep? WaitingFor => Status == ContributionStatus.InClearance && ClearedSteps < Steps.Count ? Steps[ClearedSteps] : null;

    /// <summary>A focal point sends the agency's drafts: they go into its clearance chain first.</summary>
    public static Contribution ForClearance(Guid paperId, string title, int revision, IReadOnlyList<Annotation> drafts, IReadOnlyList<ClearanceStep> steps, Actor by, DateTime now)
    {
        var contribution = new Contribution { Id = Guid.CreateVersion7(), PaperId = paperId, AgencyCode = by.AgencyCode, Revision = revision, CreatedAt = now };
        contribution.Restart(title, drafts, steps, by);
        return contribution;
    }

    /// <summary>Sent again (after a step sent it back, or its drafts changed): the chain starts over on the drafts as they are now.</summary>
    public void Restart(string title, IReadOnlyList<Annotation> drafts, IReadOnlyList<ClearanceStep> steps, Actor by)
    {
        ActAs(by);
        if (drafts.Count == 0)
        {
            throw new RuleBrokenException("nothing-to-send", $"{by.AgencyCode} has no draft comment or suggestion on revision {Revision} to send.");
        }

        (ContentHash, Items, Steps, ClearedSteps, Status, SentBy) = (HashOf(drafts), drafts.Count, [.. steps], 0, ContributionStatus.InClearance, by.Email);
        Version++;
        Ask(title);
    }

    /// <summary>
    /// One step's word on the contribution whose content is <paramref name="contentHash"/>, with <paramref name="drafts"/> its
    /// drafts as they are now. Answers whether the contribution is cleared: then its drafts are to be sent.
    /// </summary>
    public bool Clear(string title, string contentHash, IReadOnlyList<Annotation> drafts, string stepName, ClearanceDecision decision, string? comment, Actor by, DateTime now)
    {
        ActAs(by);
        if (Status != ContributionStatus.InClearance)
        {
            throw new RuleBrokenException("not-in-clearance", Status == ContributionStatus.Sent
                ? $"{AgencyCode}'s contribution on revision {Revision} is sent already."
                : $"{AgencyCode}'s contribution on revision {Revision} was sent back; a focal point sends it again.");
        }

        if (!string.Equals(contentHash, ContentHash, StringComparison.Ordinal) || !string.Equals(HashOf(drafts), ContentHash, StringComparison.Ordinal))
        {
            throw new RuleBrokenException("contribution-changed",
                $"{AgencyCode}'s drafts on revision {Revision} changed since they went into clearance: nothing was recorded. A focal point sends them again, and the clearance starts over.",
                new Dictionary<string, object?> { ["contentHash"] = ContentHash });
        }

        var index = ClearanceRules.HeldStep(Steps, AgencyCode, stepName, by);
        var step = Steps[index];
        ClearanceRules.EnsureInTurn(Steps, ClearedSteps, index, decision, comment, "contribution");
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        History.Add(new ContributionStepAction(step.Name, index + 1, decision, by.Email, by.OnBehalfOf, now, trimmed));
        (ClearedSteps, Status) = decision == ClearanceDecision.Approve
            ? (index + 1, index + 1 == Steps.Count ? ContributionStatus.Sent : ContributionStatus.InClearance)
            : (0, ContributionStatus.SentBack);
        Version++;
        Raise(DomainEvent.Of(new ContributionCleared(PaperId, Id, AgencyCode, Revision, step.Name, index + 1, decision.ToString(), by.Email, trimmed),
            new Subject("paper", PaperId.ToString()), Audience.InternalTo(AgencyCode),
            decision == ClearanceDecision.SendBack
                ? new Notice("contribution-sent-back", $"{step.Name} sent {AgencyCode}'s comments and suggestions on \"{title}\" back: {trimmed}", [AgencyCode], [by.Email])
                : null));
        if (Status == ContributionStatus.InClearance)
        {
            Ask(title);
        }

        return Status == ContributionStatus.Sent;
    }

    /// <summary>The content a contribution is cleared on: each draft's place and words, in the order of the text.</summary>
    public static string HashOf(IEnumerable<Annotation> drafts)
    {
        var text = new StringBuilder();
        foreach (var d in drafts.OrderBy(d => d.Start).ThenBy(d => d.Id))
        {
            text.Append(d.Id).Append('\u001f').Append(d.BlockId).Append('\u001f').Append(d.Kind).Append('\u001f').Append(d.Quote).Append('\u001f')
                .Append(d.Occurrence).Append('\u001f').Append(d.Text).Append('\u001f').Append(d.Justification).Append('\u001e');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void Ask(string title)
    {
        var step = Steps[ClearedSteps];
        Raise(DomainEvent.Of(new ContributionClearanceRequested(PaperId, Id, AgencyCode, Revision, ContentHash, step.Name, ClearedSteps + 1, step.Emails),
            new Subject("paper", PaperId.ToString()), Audience.InternalTo(AgencyCode),
            new Notice("contribution-clearance-requested",
                $"{AgencyCode}'s {Items} comments and suggestions on \"{title}\" (revision {Revision}) wait for your clearance as {step.Name} (step {ClearedSteps + 1} of {Steps.Count}).",
                [AgencyCode], OnlyEmails: step.Emails)));
    }
}
