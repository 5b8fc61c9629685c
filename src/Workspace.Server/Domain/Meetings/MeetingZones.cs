using System.Collections.Frozen;
using NodaTime.TimeZones;

namespace Workspace.Server.Domain.Meetings;

/// <summary>
/// The time zones a meeting may be described in: canonical IANA ids from the TZDB release NodaTime ships
/// (a fixed list: <c>Europe/Vienna</c>, <c>America/New_York</c>), plus <c>UTC</c>, and only those this
/// machine's zone database also knows. Links (<c>US/Eastern</c>), other spellings (<c>europe/vienna</c>) and
/// files of the zone directory that are not zones (<c>posixrules</c>, <c>localtime</c>, <c>Factory</c>,
/// <c>posix/…</c>, <c>right/…</c>) are refused, since calendar clients and other systems do not know them.
/// </summary>
public static class MeetingZones
{
    public const string Utc = "UTC";

    private static readonly FrozenDictionary<string, string> CanonicalOf = TzdbDateTimeZoneSource.Default.CanonicalIdMap
        .ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsAccepted(string? id) =>
        id is not null && (id == Utc || (CanonicalOf.TryGetValue(id, out var canonical) && canonical == id))
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>Every zone a meeting or a person may name, sorted, for a list to choose from.</summary>
    public static IReadOnlyList<string> All { get; } = [.. CanonicalOf.Values.Distinct().Append(Utc).Where(IsAccepted).Order(StringComparer.Ordinal)];

    /// <summary>The canonical id of a link such as <c>US/Eastern</c>, to suggest it.</summary>
    public static string? CanonicalFor(string? id) =>
        id is not null && CanonicalOf.TryGetValue(id, out var canonical) && canonical != id ? canonical : null;

    /// <summary>
    /// The zone of a stored meeting. A row written before the rule above may name a zone that is not one:
    /// it is then described in UTC rather than failing every calendar it is part of.
    /// </summary>
    public static TimeZoneInfo Find(string id) =>
        IsAccepted(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The id under which a stored meeting is described: its own, or UTC (see <see cref="Find"/>).</summary>
    public static string Described(string id) => IsAccepted(id) ? id : Utc;

    /// <summary>A zone as people name it, by its city: "Europe/Vienna" → "Vienna", "America/New_York" → "New York".</summary>
    public static string City(string zone) => zone == Utc ? "UTC" : zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
