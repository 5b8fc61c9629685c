namespace Workspace.Server.Data;

/// <summary>
/// A person's calendar subscription: the SHA-256 of a secret token that stands for them at
/// <c>/api/calendar.ics?token=…</c>, so calendar clients can subscribe without a bearer header. One per
/// person; issuing a new one or deleting it revokes the old.
/// </summary>
public sealed class CalendarFeed
{
    public Guid PersonId { get; init; }

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
