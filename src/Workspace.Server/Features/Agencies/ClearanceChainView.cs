using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Agencies;

/// <summary>An agency's internal clearance chain, in order.</summary>
public sealed record ClearanceChainView(string AgencyCode, IReadOnlyList<ClearanceStepView> Steps, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    public static ClearanceChainView Of(string agencyCode, ClearanceChain? chain) => new(agencyCode,
        [.. (chain?.Steps ?? []).Select(s => new ClearanceStepView(s.Name, s.Emails))], chain?.ChangedAt.AsUtcInstant(), chain?.ChangedBy);
}

public sealed record ClearanceStepView(string Name, IReadOnlyList<string> Emails);
