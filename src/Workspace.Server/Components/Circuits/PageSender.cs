using Workspace.Server.Auth;

namespace Workspace.Server.Components.Circuits;

/// <summary>
/// Sends a page's requests through the same MediatR pipeline as the API, each in a scope of its own (its own
/// database context and unit of work) working for the page's person. A live circuit lives for minutes or
/// hours; one database context for all of it would hand out stale entities and be used by two events at once.
/// </summary>
public sealed class PageSender(IServiceScopeFactory scopes, CurrentUser me)
{
    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAs(me.Principal, request, cancellationToken);

    /// <summary>Sends as <paramref name="user"/>: the person who has just signed in, before their cookie comes back.</summary>
    public async Task<TResponse> SendAs<TResponse>(System.Security.Claims.ClaimsPrincipal user, IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ConnectionUser>().From(user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
