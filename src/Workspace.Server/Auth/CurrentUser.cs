using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

using Workspace.Server.Data;

namespace Workspace.Server.Auth;

/// <summary>Who sends the request being handled: a person through the API, the UI or the hub, or the system.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid Id { get; }

    string Email { get; }

    string AgencyCode { get; }

    string DisplayName { get; }

    bool IsSecretariat { get; }

    /// <summary>How the event log names whoever acts: an e-mail address, or <c>system</c>.</summary>
    string Actor { get; }
}

public static class CurrentUserExtensions
{
    /// <summary>The caller as the domain names whoever acts: an address and the agency they act for.</summary>
    public static Domain.Actor AsActor(this ICurrentUser me) => new(me.Actor, me.AgencyCode);

    /// <summary>The caller, acting as the alternate of <paramref name="onBehalfOf"/> when it names someone (the pipeline checked the power).</summary>
    public static Domain.Actor AsActor(this ICurrentUser me, string? onBehalfOf) =>
        new(me.Actor, me.AgencyCode) { OnBehalfOf = string.IsNullOrWhiteSpace(onBehalfOf) ? null : onBehalfOf.Trim().ToLowerInvariant() };
}

/// <summary>
/// The person behind whatever front end sent the request: a hub call or a page's live circuit (the user of
/// the connection), else the HTTP request (API or page). Work outside these (start-up, jobs) runs as the
/// system. Nothing sets it but the front ends' own plumbing (<see cref="ConnectionUser"/>).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, ConnectionUser connection, IOptions<IdentityOptions> identity) : ICurrentUser
{
    public ClaimsPrincipal Principal => connection.User ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var id) ? id : Guid.Empty;

    public string Email => Principal.FindFirstValue(identity.Value.ClaimsIdentity.EmailClaimType) ?? "";

    public string AgencyCode => Principal.FindFirstValue(WorkspaceClaims.Agency) ?? "";

    public string DisplayName => Principal.FindFirstValue(WorkspaceClaims.DisplayName) ?? Email;

    public bool IsSecretariat => Principal.IsInRole(Roles.Secretariat);

    public string Actor => IsAuthenticated ? Email : "system";

    /// <summary>The session of the bearer token behind the request, if any.</summary>
    public Guid? SessionId => Guid.TryParse(Principal.FindFirstValue(SessionClaims.SessionId), out var id) ? id : null;
}

/// <summary>
/// The user of the long-lived connection a scope works for, which has no HTTP request of its own: a hub call
/// (set per call and per connect by the hub filter) or a page's live circuit (set when the circuit opens, and
/// handed to the scope of each request the page sends).
/// </summary>
public sealed class ConnectionUser
{
    public ClaimsPrincipal? User { get; private set; }

    internal void From(Microsoft.AspNetCore.SignalR.HubCallerContext context) => User = context.User;

    internal void From(ClaimsPrincipal user) => User = user;
}

/// <summary>Tells the scope of each hub call, and of each connect and disconnect, whose connection it is.</summary>
internal sealed class HubCallerFilter : Microsoft.AspNetCore.SignalR.IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(Microsoft.AspNetCore.SignalR.HubInvocationContext invocationContext,
        Func<Microsoft.AspNetCore.SignalR.HubInvocationContext, ValueTask<object?>> next)
    {
        invocationContext.ServiceProvider.GetRequiredService<ConnectionUser>().From(invocationContext.Context);
        return next(invocationContext);
    }

    public Task OnConnectedAsync(Microsoft.AspNetCore.SignalR.HubLifetimeContext context, Func<Microsoft.AspNetCore.SignalR.HubLifetimeContext, Task> next)
    {
        context.ServiceProvider.GetRequiredService<ConnectionUser>().From(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(Microsoft.AspNetCore.SignalR.HubLifetimeContext context, Exception? exception,
        Func<Microsoft.AspNetCore.SignalR.HubLifetimeContext, Exception?, Task> next)
    {
        context.ServiceProvider.GetRequiredService<ConnectionUser>().From(context.Context);
        return next(context, exception);
    }
}

/// <summary>Adds the agency and display name to every principal Identity builds, so tokens carry them.</summary>
internal sealed class PersonClaimsFactory(
    UserManager<Person> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkspaceClaims.Agency, user.AgencyCode));
        identity.AddClaim(new Claim(WorkspaceClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
