using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

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
}

/// <summary>
/// The person behind the current HTTP request or hub connection, read from the claims of the signed-in
/// principal. Work outside a request (start-up, jobs) runs as the system unless a principal is set.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IOptions<IdentityOptions> identity) : ICurrentUser
{
    private ClaimsPrincipal? principal;

    private ClaimsPrincipal Principal => principal ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    public void Use(ClaimsPrincipal user) => principal = user;

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
