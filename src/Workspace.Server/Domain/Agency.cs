namespace Workspace.Server.Domain;

/// <summary>A member organization of the group.</summary>
public sealed class Agency : Aggregate
{
    private Agency()
    {
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Mandate { get; private set; } = "";

    public List<string> ThematicPriorities { get; private set; } = [];

    /// <summary>Where it works, from the group's list of regions.</summary>
    public List<string> Regions { get; private set; } = [];

    /// <summary>What it does against trafficking, as outside readers should find it.</summary>
    public List<KeyActivity> KeyActivities { get; private set; } = [];

    /// <summary>The agency's own page of resources on trafficking in persons.</summary>
    public string? ResourcesUrl { get; private set; }

    /// <summary>App-managed concurrency token: SQLite has no rowversion.</summary>
    public int Version { get; private set; }

    public static Agency Register(string code, string name, Actor by, string mandate = "", IEnumerable<string>? thematicPriorities = null, IEnumerable<string>? regions = null)
    {
        var agency = new Agency
        {
            Code = code,
            Name = name.Trim(),
            Mandate = mandate.Trim(),
            ThematicPriorities = [.. (thematicPriorities ?? []).Select(p => p.Trim())],
            Regions = [.. (regions ?? []).Select(r => r.Trim())],
            Version = 1,
        };
        agency.ActAs(by);
        agency.Raise(DomainEvent.Of(new AgencyRegistered(code, agency.Name), agency.Subject, Audience.Everyone));
        return agency;
    }

    public void UpdateProfile(string mandate, IEnumerable<string> thematicPriorities, Actor by,
        IEnumerable<string>? regions = null, IEnumerable<KeyActivity>? keyActivities = null, string? resourcesUrl = null)
    {
        ActAs(by);
        Mandate = mandate.Trim();
        ThematicPriorities = [.. thematicPriorities.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct()];
        Regions = [.. (regions ?? Regions).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct()];
        KeyActivities = [.. (keyActivities ?? KeyActivities).Select(a => a with { Title = a.Title.Trim() }).OrderByDescending(a => a.Year)];
        ResourcesUrl = string.IsNullOrWhiteSpace(resourcesUrl) ? (resourcesUrl is null ? ResourcesUrl : null) : resourcesUrl.Trim();
        Version++;
        Raise(DomainEvent.Of(new AgencyProfileUpdated(Code, Mandate, ThematicPriorities, Regions, KeyActivities, ResourcesUrl), Subject, Audience.Everyone));
    }

    /// <summary>Told to the agency itself (and the secretariat): it names a person.</summary>
    public void RecordFocalPointRegistered(string email, string displayName, Actor by)
    {
        ActAs(by);
        Raise(DomainEvent.Of(new FocalPointRegistered(Code, email, displayName), Subject, Audience.Agencies([Code])));
    }

    private Subject Subject => new("agency", Code);
}

/// <summary>One thing an agency does, for the public mapping of members: a title, a year, a link to read more.</summary>
public sealed record KeyActivity(string Title, int Year, string? Url);

/// <summary>
/// The lists the secretariat keeps for the public mapping of members: the thematic priorities and the regions an
/// agency may name, so that readers can filter the directory by them.
/// </summary>
public sealed class DirectoryTerms : Aggregate
{
    public static readonly IReadOnlyList<string> DefaultThemes =
        ["Prevention", "Protection", "Prosecution", "Partnerships", "Labour migration", "Forced labour", "Children", "Conflict", "Technology", "Procurement"];

    public static readonly IReadOnlyList<string> DefaultRegions =
        ["Global", "Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe", "Europe and Central Asia"];

    private DirectoryTerms()
    {
    }

    public int Id { get; private set; } = 1;

    public List<string> Themes { get; private set; } = [];

    public List<string> Regions { get; private set; } = [];

    public int Version { get; private set; }

    public static DirectoryTerms Default() => new() { Themes = [.. DefaultThemes], Regions = [.. DefaultRegions] };

    public void Change(IEnumerable<string> themes, IEnumerable<string> regions, Actor by)
    {
        ActAs(by);
        Themes = [.. themes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        Regions = [.. regions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        Version++;
        Raise(DomainEvent.Of(new DirectoryTermsChanged(Themes, Regions), new Subject("directory", "terms"), Audience.Everyone));
    }

    /// <summary>The listed spelling of <paramref name="term"/> among <paramref name="terms"/>, or null.</summary>
    public static string? Find(IEnumerable<string> terms, string term) => terms.FirstOrDefault(t => string.Equals(t, term.Trim(), StringComparison.OrdinalIgnoreCase));
}
