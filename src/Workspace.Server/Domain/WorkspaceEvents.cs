namespace Workspace.Server.Domain;

/// <summary>The chain's key was rotated: rows from now on are hashed under <paramref name="KeyId"/>.</summary>
public sealed record ChainKeyRotated(string KeyId, string? PreviousKeyId) : IEventData
{
    public static string Type => "audit.key-rotated";
}

/// <summary>Someone signed in through the identity provider and waits for the secretariat to set their agency.</summary>
public sealed record PersonAwaitingAgency(string Email, string DisplayName, string Issuer) : IEventData
{
    public static string Type => "person.awaiting-agency";
}
