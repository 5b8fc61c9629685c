using System.Security.Cryptography;
using System.Text;

namespace Workspace.Server.Data;

/// <summary>
/// One row of the ordered, hash-chained event log. Written in the same transaction as the change it
/// records; read by the relay, <c>/api/events</c> and the audit.
/// </summary>
public sealed class EventRecord
{
    public long Seq { get; init; }

    public string Type { get; init; } = "";

    public DateTime OccurredAt { get; init; }

    public string SubjectKind { get; init; } = "";

    public string SubjectId { get; init; } = "";

    public string Actor { get; init; } = "";

    /// <summary><c>*</c> for everyone, else the agency codes wrapped in commas (<c>,ILO,UNODC,</c>) so one <c>instr</c> finds a member.</summary>
    public string Audience { get; init; } = "";

    /// <summary>The event's data as JSON.</summary>
    public string Data { get; init; } = "";

    public string PreviousHash { get; init; } = "";

    public string Hash { get; init; } = "";

    public const string Everyone = "*";

    public static string AudienceTag(string agencyCode) => $",{agencyCode},";

    /// <summary>The hash of a row: SHA-256 over the previous hash and every field, so altering any field breaks the chain.</summary>
    public static string ComputeHash(long seq, string type, DateTime occurredAt, string subjectKind, string subjectId,
        string actor, string audience, string data, string previousHash)
    {
        var text = string.Join('\n', previousHash, seq.ToString(System.Globalization.CultureInfo.InvariantCulture), type,
            occurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), subjectKind, subjectId, actor, audience, data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public string ExpectedHash() =>
        ComputeHash(Seq, Type, OccurredAt, SubjectKind, SubjectId, Actor, Audience, Data, PreviousHash);
}

/// <summary>
/// The last appended event, one row updated in each appending transaction: appends read it instead of
/// scanning the log, and the audit compares it with the last row so a removed tail is noticed.
/// </summary>
public sealed class EventLogHead
{
    public int Id { get; init; } = 1;

    public long Seq { get; set; }

    public string Hash { get; set; } = "";
}

/// <summary>The stored outcome of a command sent with an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; init; }

    public string Key { get; init; } = "";

    public string RequestHash { get; init; } = "";

    public string Response { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}
