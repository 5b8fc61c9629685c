namespace Workspace.Server.Domain;

/// <summary>
/// One canonical form of an e-mail address for every comparison: trimmed, and in lower case throughout, since mail
/// servers treat the domain, and in practice the local part, without regard to case. Limits per address count
/// <c>Maria@UN.org</c> and <c>maria@un.org</c> as one.
/// </summary>
public static class EmailAddresses
{
    public static string Canonical(string address) => address.Trim().ToLowerInvariant();
}
