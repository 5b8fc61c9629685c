namespace Workspace.Server.Data;

/// <summary>
/// One sign-in: every access token and the one live refresh token it issues carry its id. A refresh rotates
/// <see cref="RefreshId"/>; presenting an older refresh token again means it was copied, and the whole
/// session is revoked. Signing out, a password change or a revocation ends it, and every request checks that
/// its session is still live and that its person's security stamp has not changed since.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; }

    public Guid PersonId { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The id carried by the only refresh token of this session that may still be exchanged.</summary>
    public Guid RefreshId { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>signed-out, refresh-token-reused, password-changed.</summary>
    public string? RevokedReason { get; set; }
}
