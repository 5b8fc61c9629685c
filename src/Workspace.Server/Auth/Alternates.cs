using Workspace.Server.Data;

namespace Workspace.Server.Auth;

/// <summary>
/// A request a person may send as someone's alternate, naming whom they act for; every record it makes names
/// both. The authorization behaviour asks, at that moment, whether the power holds.
/// </summary>
public interface IAlternateRequest
{
    /// <summary>The address of the person acted for, or null when acting for oneself.</summary>
    string? OnBehalfOf { get; }
}

/// <summary>Whether the current person stands in for another now.</summary>
public sealed class Alternates(WorkspaceDb db, ICurrentUser me, TimeProvider clock)
{
    /// <summary>Refuses (403) unless the current person is, this moment, the alternate of <paramref name="personEmail"/>.</summary>
    public async Task EnsureHoldsAsync(string personEmail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = personEmail.Trim().ToLowerInvariant();
        var mine = me.Email.ToLowerInvariant();
        var holds = await db.Alternates.AsNoTracking()
            .AnyAsync(a => a.AlternateEmail == mine && a.PersonEmail == person && a.EndedAt == null && a.From <= now && a.To > now, ct);
        if (!holds)
        {
            throw new ForbiddenException($"You are not {person}'s alternate now.");
        }
    }

    /// <summary>Those the current person may act for this moment.</summary>
    public async Task<IReadOnlyList<string>> ActingForAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = me.Email.ToLowerInvariant();
        return await db.Alternates.AsNoTracking()
            .Where(a => a.AlternateEmail == mine && a.EndedAt == null && a.From <= now && a.To > now)
            .OrderBy(a => a.PersonEmail).Select(a => a.PersonEmail).Distinct().ToListAsync(ct);
    }
}
