using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Workspace.Server.Auth;

/// <summary>
/// Runs on every authentication, whichever scheme and whoever asks for it (the middleware, an endpoint's own
/// policy, the hub): a token or cookie whose session has ended (signed out, refresh token reused, password
/// changed) or whose person's security stamp changed stands for no one, and every rule downstream answers
/// as to a stranger (401). Every way of signing in starts a session (<see cref="Sessions.StartAsync"/>); a
/// calendar feed's principal is checked by its own scheme (the meetings area's <c>CalendarFeedAuthentication</c>).
/// </summary>
internal sealed class SessionCheck(Sessions sessions, IHttpContextAccessor http) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal NoOne = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // A calendar feed's principal is checked by its scheme; the identity provider's answer has no session yet.
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(WorkspaceClaims.CalendarFeed, "true") || principal.HasClaim(WorkspaceClaims.ProviderAnswer, "true"))
        {
            return principal;
        }

        // One read per request, however many times the request is authenticated.
        var items = http.HttpContext?.Items;
        var key = (typeof(SessionCheck), principal.FindFirstValue(SessionClaims.SessionId), principal.FindFirstValue("AspNet.Identity.SecurityStamp"));
        if (items?.TryGetValue(key, out var known) == true && known is bool cached)
        {
            return cached ? principal : NoOne;
        }

        var live = await sessions.IsLiveAsync(principal, http.HttpContext?.RequestAborted ?? default);
        if (items is not null)
        {
            items[key] = live;
        }

        return live ? principal : NoOne;
    }
}

/// <summary>
/// A token whose session ended authenticates as no one (see <see cref="SessionCheck"/>); refusing it is a
/// challenge (401: sign in again), not a 403, which would say the person is known but not allowed.
/// </summary>
internal sealed class ChallengeNoOne : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy,
        Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
        {
            return fallback.HandleAsync(next, context, policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult.Challenge());
        }

        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
