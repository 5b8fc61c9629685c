using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using NodaTime.TimeZones;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Locale;

/// <summary>
/// Zones as people of each language name them: by their city ("Europe/Vienna" is "Vienna", "Vienne", "Viena",
/// "Вена", "فيينا", "维也纳") and the country it lies in, from the Unicode CLDR's exemplar cities and territory names.
/// A zone the CLDR does not rename is named after its id.
/// </summary>
public static class ZoneNames
{
    private sealed record Names(Dictionary<string, string> Cities, Dictionary<string, string> Countries);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Names> ByLanguage = Load();

    private static readonly FrozenDictionary<string, string> CountryOf = TzdbDateTimeZoneSource.Default.ZoneLocations!
        .GroupBy(l => l.ZoneId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First().CountryCode, StringComparer.Ordinal);

    /// <summary>The city that names <paramref name="zone"/> in <paramref name="culture"/> (the current culture by default).</summary>
    public static string City(string zone, CultureInfo? culture = null)
    {
        if (zone == MeetingZones.Utc)
        {
            return "UTC";
        }

        var names = NamesFor(culture);
        return names?.Cities.GetValueOrDefault(zone) ?? ByLanguage["en"].Cities.GetValueOrDefault(zone) ?? MeetingZones.City(zone);
    }

    /// <summary>The country <paramref name="zone"/> lies in, in <paramref name="culture"/>'s words, or null (UTC, zones of no country).</summary>
    public static string? Country(string zone, CultureInfo? culture = null) =>
        CountryOf.TryGetValue(zone, out var code) ? (NamesFor(culture) ?? ByLanguage["en"]).Countries.GetValueOrDefault(code) : null;

    /// <summary>A zone's offset from UTC at <paramref name="at"/>, as "UTC+01:00" (or "UTC" itself).</summary>
    public static string Offset(string zone, DateTimeOffset at)
    {
        var offset = MeetingZones.Find(zone).GetUtcOffset(at);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:hh\\:mm}";
    }

    /// <summary>
    /// Every zone a person may choose, as they would look for it ("Vienna, Austria — UTC+01:00"), ordered by the offset
    /// at <paramref name="at"/> and then by city, in the current culture.
    /// </summary>
    public static IReadOnlyList<(string Id, string Label)> Choices(DateTimeOffset at)
    {
        var culture = CultureInfo.CurrentCulture;
        var compare = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        // The Etc/ zones are UTC again, or offsets whose sign reads backwards ("Etc/GMT+5" is five hours behind).
        return [.. MeetingZones.All.Where(id => !id.StartsWith("Etc/", StringComparison.Ordinal))
            .Select(id => (Id: id, Offset: MeetingZones.Find(id).GetUtcOffset(at), City: City(id, culture)))
            .OrderBy(z => z.Offset).ThenBy(z => z.City, compare)
            .Select(z => (z.Id, Label(z.Id, at, culture)))];
    }

    /// <summary>"Vienna, Austria — UTC+01:00": how a zone is offered and shown in a form.</summary>
    public static string Label(string zone, DateTimeOffset at, CultureInfo? culture = null) =>
        Place(zone, culture) + " — " + Offset(zone, at);

    /// <summary>
    /// The zone a person meant by what they typed or chose: an IANA id, an offered label (in any language, at any
    /// offset), or a city or country by its name in any of the languages (a country only when it has a single zone).
    /// </summary>
    public static string? Resolve(string? text)
    {
        var cut = text?.LastIndexOf(" — UTC", StringComparison.Ordinal) ?? -1;
        var typed = Key(cut > 0 ? text![..cut] : text);
        if (typed.Length == 0)
        {
            return null;
        }

        return MeetingZones.All.FirstOrDefault(id => Key(id) == typed) ?? Named.Value.GetValueOrDefault(typed);
    }

    /// <summary>The zone of the city (or single-zone country) a venue names, such as "Vienna International Centre, Room M1".</summary>
    public static string? FromPlace(string? venue)
    {
        var words = Key(venue);
        if (words.Length == 0)
        {
            return null;
        }

        var padded = $" {string.Concat(words.Select(c => char.IsLetterOrDigit(c) ? c : ' '))} ";
        return Named.Value.Where(n => n.Key.Length > 2 && padded.Contains($" {n.Key} ", StringComparison.Ordinal))
            .OrderByDescending(n => n.Key.Length).Select(n => n.Value).FirstOrDefault();
    }

    private static string Place(string zone, CultureInfo? culture) =>
        Country(zone, culture) is { } country && zone != MeetingZones.Utc ? $"{City(zone, culture)}, {country}" : City(zone, culture);

    /// <summary>Cities where the group meets whose zone is named after another city.</summary>
    private static readonly (string Name, string Zone)[] DutyStations =
    [
        ("Geneva", "Europe/Zurich"), ("Genève", "Europe/Zurich"), ("Ginebra", "Europe/Zurich"), ("Женева", "Europe/Zurich"), ("جنيف", "Europe/Zurich"), ("日内瓦", "Europe/Zurich"),
        ("Washington", "America/New_York"), ("The Hague", "Europe/Amsterdam"), ("La Haye", "Europe/Amsterdam"), ("La Haya", "Europe/Amsterdam"),
        ("Bonn", "Europe/Berlin"), ("Turin", "Europe/Rome"), ("Florence", "Europe/Rome"), ("Montreal", "America/Toronto"), ("Montréal", "America/Toronto"),
        ("Strasbourg", "Europe/Paris"), ("Lyon", "Europe/Paris"), ("Bangkok", "Asia/Bangkok"),
    ];

    /// <summary>Every name of a zone, in every language, folded (case and accents): cities, "city, country" and single-zone countries.</summary>
    private static readonly Lazy<FrozenDictionary<string, string>> Named = new(() =>
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, zone) in DutyStations)
        {
            named.TryAdd(Key(name), zone);
        }

        var byCountry = MeetingZones.All.Where(CountryOf.ContainsKey).GroupBy(id => CountryOf[id]).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        foreach (var (language, names) in ByLanguage)
        {
            var culture = CultureInfo.GetCultureInfo(language);
            foreach (var id in MeetingZones.All)
            {
                named.TryAdd(Key(City(id, culture)), id);
                named.TryAdd(Key(Place(id, culture)), id);
            }

            foreach (var (code, zone) in byCountry)
            {
                if (names.Countries.TryGetValue(code, out var country))
                {
                    named.TryAdd(Key(country), zone);
                }
            }
        }

        return named.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>A name as it is compared: trimmed, lower case, without accents, one space between words.</summary>
    private static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).Select(c => c == '_' ? ' ' : c);
        return string.Join(' ', new string([.. kept]).Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Names? NamesFor(CultureInfo? culture) =>
        ByLanguage.GetValueOrDefault((culture ?? CultureInfo.CurrentCulture).TwoLetterISOLanguageName);

    private static FrozenDictionary<string, Names> Load()
    {
        using var stream = typeof(ZoneNames).Assembly.GetManifestResourceStream("zone-names.json")
            ?? throw new InvalidOperationException("The zone names are not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, Names>>(stream, Json)!
            .ToFrozenDictionary(StringComparer.Ordinal);
    }
}
