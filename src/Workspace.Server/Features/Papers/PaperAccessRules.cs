using Workspace.Server.Auth;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// Anyone who may see the paper: its participating agencies and the secretariat. Anyone else is told the
/// paper does not exist (404): drafts never leak their existence.
/// </summary>
public interface IPaperViewerRequest
{
    Guid PaperId { get; }
}

/// <summary>
/// Focal points of a participating agency, acting for their own agency only. The secretariat sees the
/// paper but does not act in it unless its agency participates (403); anyone else gets 404.
/// </summary>
public interface IPaperParticipantRequest
{
    Guid PaperId { get; }

    /// <summary>The agency the caller claims to act for, if the request names one; another than their own → 403.</summary>
    string? OnBehalfOfAgencyCode => null;
}

/// <summary>Focal points of the paper's lead agency, or the secretariat; other participants 403; anyone else 404.</summary>
public interface IPaperLeadRequest
{
    Guid PaperId { get; }
}

internal sealed class PaperViewerRule<T>(PaperAccess papers) : IAccessRule<T>
    where T : IPaperViewerRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => papers.CapacityAsync(request.PaperId, cancellationToken);
}

internal sealed class PaperParticipantRule<T>(PaperAccess papers, ICurrentUser me) : IAccessRule<T>
    where T : IPaperParticipantRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if ((await papers.CapacityAsync(request.PaperId, cancellationToken) & Capacity.Participant) == 0)
        {
            throw new ForbiddenException($"{me.AgencyCode} does not participate in this paper.");
        }

        if (request.OnBehalfOfAgencyCode is { } agency && !string.Equals(agency, me.AgencyCode, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"You act for {me.AgencyCode} only, not for {agency}.");
        }
    }
}

internal sealed class PaperLeadRule<T>(PaperAccess papers) : IAccessRule<T>
    where T : IPaperLeadRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if ((await papers.CapacityAsync(request.PaperId, cancellationToken) & Capacity.Lead) == 0)
        {
            throw new ForbiddenException("Only the lead agency's focal points or the secretariat may do this.");
        }
    }
}
