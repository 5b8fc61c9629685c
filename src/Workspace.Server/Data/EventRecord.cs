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

    /// <summary>
    /// <c>*</c> for everyone, else the agency codes wrapped in commas (<c>,ILO,UNODC,</c>) so one <c>instr</c> finds a
    /// member; an agency's internal events start with <see cref="Internal"/> (<c>!,UNHCR,</c>).
    /// </summary>
    public string Audience { get; init; } = "";

    /// <summary>The event's data as JSON.</summary>
    public string Data { get; init; } = "";

    public string PreviousHash { get; init; } = "";

    /// <summary>The chain key (<see cref="ChainKeys"/>) this row's hash was made with.</summary>
    public string KeyId { get; init; } = "";

    public string Hash { get; init; } = "";

    /// <summary>
    /// Who is to be told of this event, as JSON (<see cref="LoggedNotice"/>), or null. Read after commit by the
    /// reactions that write notifications and mail (<see cref="ILogReaction"/>); outside the hash, as it is what
    /// follows from the event (it names addresses), not the event, and is never sent to clients.
    /// </summary>
    public string? Notice { get; init; }

    /// <summary>The notice this row carries, if any.</summary>
    public LoggedNotice? ReadNotice() => Notice is null ? null : System.Text.Json.JsonSerializer.Deserialize<LoggedNotice>(Notice, Json);

    public const string Everyone = "*";

    public const string Internal = "!";

    public static string AudienceTag(string agencyCode) => $",{agencyCode},";

    /// <summary>
    /// What a row's hash covers: the previous hash, the key's id and every field, so altering any field breaks
    /// the chain. The hash is the HMAC of this text under the key (<see cref="ChainKeys.Hash"/>).
    /// </summary>
    public static string HashedText(long seq, string type, DateTime occurredAt, string subjectKind, string subjectId,
        string actor, string audience, string data, string previousHash, string keyId) =>
        string.Join('\n', previousHash, keyId, seq.ToString(System.Globalization.CultureInfo.InvariantCulture), type,
            occurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), subjectKind, subjectId, actor, audience, data);

    /// <summary>The hash this row should have, or null when the key it names is not held here.</summary>
    public string? ExpectedHash(ChainKeys keys) =>
        keys.Hash(KeyId, HashedText(Seq, Type, OccurredAt, SubjectKind, SubjectId, Actor, Audience, Data, PreviousHash, KeyId));

    /// <summary>The unkeyed SHA-256 hash of the first releases, read once to re-chain their rows under a key.</summary>
    internal string LegacyHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', PreviousHash, Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), Type,
            OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), SubjectKind, SubjectId, Actor, Audience, Data))));

    /// <summary>How event data is written to the log and read back from it: one set of options for both sides.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Whether this row is an event of the kind <typeparamref name="TData"/> declares.</summary>
    public bool Is<TData>()
        where TData : IEventData => string.Equals(Type, TData.Type, StringComparison.Ordinal);

    /// <summary>The row's data as the typed record it was raised with.</summary>
    public TData Read<TData>()
        where TData : IEventData =>
        Is<TData>()
            ? System.Text.Json.JsonSerializer.Deserialize<TData>(Data, Json) ?? throw new InvalidOperationException($"Event {Seq} has no data.")
            : throw new InvalidOperationException($"Event {Seq} is {Type}, not {TData.Type}.");

    /// <summary>The row's data as <typeparamref name="TData"/> when it is of that kind.</summary>
    public bool TryRead<TData>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TData? data)
        where TData : IEventData
    {
        data = Is<TData>() ? Read<TData>() : default;
        return data is not null;
    }
}

/// <summary>
/// An event's notice as the log keeps it for the reactions: whom to tell, and whether mail goes with it (not for
/// the demo's seeded past, which nobody is mailed about).
/// </summary>
public sealed record LoggedNotice(Notice Notice, bool Mailed = true);

/// <summary>
/// Who may see an event, in one place: the secretariat every event but other agencies' internal ones; anyone
/// else those for everyone or naming their agency. An expression, so the log's queries run it in SQL and the live relay runs it compiled.
/// </summary>
public static class EventAudience
{
    public static System.Linq.Expressions.Expression<Func<EventRecord, bool>> For(bool isSecretariat, string agencyCode)
    {
        var tag = EventRecord.AudienceTag(agencyCode);
        if (isSecretariat)
        {
            return e => !e.Audience.StartsWith(EventRecord.Internal) || e.Audience.Contains(tag);
        }

        return e => e.Audience == EventRecord.Everyone || e.Audience.Contains(tag);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool, string), Func<EventRecord, bool>> Compiled = new();

    /// <summary>
    /// The same rule as a delegate, compiled once per audience (the secretariat, each agency) and shared by every
    /// connection of that audience rather than compiled again for each.
    /// </summary>
    public static Func<EventRecord, bool> Of(bool isSecretariat, string agencyCode) =>
        Compiled.GetOrAdd((isSecretariat, agencyCode), key => For(key.Item1, key.Item2).Compile());
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
