namespace Workspace.Server.Data;

/// <summary>
/// One message in the outbox: written, already composed, by the reaction that follows the change it tells of (or with a command whose own effect it is), and
/// delivered after commit by the mail delivery (<c>Mail/MailDelivery</c>). A mail server that is down delays it, never loses it and
/// never fails the change. Its <see cref="Id"/> is its Message-ID, so a retry is the same message.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What it is about, as the notifications name it (<c>round-opened</c>, …).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The event that caused it.</summary>
    public long EventSeq { get; init; }

    public Guid? PersonId { get; init; }

    public string To { get; init; } = "";

    public string ToName { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Text { get; init; } = "";

    public string Html { get; init; } = "";

    /// <summary>An invitation's iCalendar text (RFC 5546), sent as the message's <c>text/calendar</c> part, if any.</summary>
    public string? Calendar { get; init; }

    /// <summary>The invitation's method: <c>REQUEST</c> (a meeting added or moved) or <c>CANCEL</c>.</summary>
    public string? CalendarMethod { get; init; }

    /// <summary>The page it asks the reader to open.</summary>
    public string Link { get; init; } = "";

    /// <summary>The one-click unsubscribe address of its kind (<c>List-Unsubscribe</c>, RFC 8058), if any.</summary>
    public string? Unsubscribe { get; init; }

    /// <summary>Taken as a daily digest: not sent alone, gathered into the recipient's next digest.</summary>
    public bool HeldForDigest { get; init; }

    /// <summary>The digest it was gathered into.</summary>
    public Guid? DigestId { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Not tried before this time (growing pauses after failures).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>While a node is delivering it: no other node takes it before this time.</summary>
    public DateTime? LeasedUntil { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when it was given up after <c>Mail:MaxAttempts</c>.</summary>
    public DateTime? GivenUpAt { get; set; }

    public string? LastError { get; set; }

    public string MessageId => $"{Id:N}@workspace";
}
