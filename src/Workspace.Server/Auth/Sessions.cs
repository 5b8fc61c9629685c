using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Data;

namespace Workspace.Server.Auth;

/// <summary>Starts, rotates, checks and ends <see cref="Session"/>s.</summary>
public sealed class Sessions(WorkspaceDb db, SignInManager<Person> signIn, TimeProvider clock, IOptions<IdentityOptions> identity, UnitOfWork unitOfWork, SessionEnds ends)
{
    public async Task<ClaimsPrincipal> StartAsync(Person person, CancellationToken ct)
    {
        var session = new Session { Id = Guid.CreateVersion7(), PersonId = person.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, RefreshId = Guid.NewGuid() };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return await PrincipalAsync(person, session);
    }

    /// <summary>The principal of a fresh token pair, or null when the refresh token may not be exchanged (and then, if it was reused, the session ends).</summary>
    public async Task<ClaimsPrincipal?> RotateAsync(ClaimsPrincipal presented, CancellationToken ct)
    {
        if (!Guid.TryParse(presented.FindFirstValue(SessionClaims.SessionId), out var sessionId)
            || !Guid.TryParse(presented.FindFirstValue(SessionClaims.RefreshId), out var refreshId)
            || await signIn.ValidateSecurityStampAsync(presented) is not { } person)
        {
            return null;
        }

        var next = Guid.NewGuid();
        // One conditional update: of two exchanges of the same token, exactly one wins.
        var rotated = await db.Sessions.Where(s => s.Id == sessionId && s.PersonId == person.Id && s.RefreshId == refreshId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshId, next), ct);
        if (rotated == 0)
        {
            await RevokeAsync(sessionId, "refresh-token-reused", ct);
            return null;
        }

        return await PrincipalAsync(person, new Session { Id = sessionId, PersonId = person.Id, RefreshId = next });
    }

    /// <summary>Whether the session of this principal is live and its person's security stamp unchanged.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SessionClaims.SessionId), out var sessionId)
            || !Guid.TryParse(principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var personId))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var current = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.PersonId == personId && s.RevokedAt == null)
            .Join(db.Users, s => s.PersonId, p => p.Id, (s, p) => p.SecurityStamp).ToListAsync(ct);
        return current.Count == 1 && current[0] == stamp;
    }

    /// <summary>Ends a session, in the command's transaction; once it commits, its live connections are told.</summary>
    public async Task<int> RevokeAsync(Guid sessionId, string reason, CancellationToken ct)
    {
        var ended = await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.RevokedReason, reason), ct);
        unitOfWork.AfterCommit(() => ends.Announce(new SessionEnd(sessionId, null)));
        return ended;
    }

    /// <summary>Ends every session of a person, in the command's transaction; once it commits, their live connections are told.</summary>
    public async Task<int> RevokeAllAsync(Guid personId, string reason, CancellationToken ct)
    {
        var ended = await db.Sessions.Where(s => s.PersonId == personId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.RevokedReason, reason), ct);
        unitOfWork.AfterCommit(() => ends.Announce(new SessionEnd(null, personId)));
        return ended;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(Person person, Session session)
    {
        var principal = await signIn.CreateUserPrincipalAsync(person);
        var claims = (ClaimsIdentity)principal.Identity!;
        claims.AddClaim(new Claim(SessionClaims.SessionId, session.Id.ToString()));
        claims.AddClaim(new Claim(SessionClaims.RefreshId, session.RefreshId.ToString()));
        return principal;
    }
}
