using Workspace.Server.Auth;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Those who may see an action item: its meeting's invited agencies and the secretariat (404 for anyone else).</summary>
public interface IActionItemViewerRequest
{
    Guid ActionItemId { get; }
}

/// <summary>Those who may change an action item: its owner agency's people, those who convene its meeting, the secretariat (403 for other viewers).</summary>
public interface IActionItemOwnerRequest
{
    Guid ActionItemId { get; }
}

internal sealed class ActionItemViewerRule<T>(ActionItemAccess actionItems) : IAccessRule<T>
    where T : IActionItemViewerRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => actionItems.VisibleAsync(request.ActionItemId, cancellationToken);
}

internal sealed class ActionItemOwnerRule<T>(ActionItemAccess actionItems) : IAccessRule<T>
    where T : IActionItemOwnerRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => actionItems.MayChangeAsync(request.ActionItemId, cancellationToken);
}
