namespace Workspace.Server.Domain;

/// <summary>Instants are stored as UTC <see cref="DateTime"/>s and shown as RFC 3339 with their offset.</summary>
public static class Instants
{
    /// <summary>The stored UTC time as an instant with offset +00:00 (SQLite gives the kind back as unspecified).</summary>
    public static DateTimeOffset AsUtcInstant(this DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
