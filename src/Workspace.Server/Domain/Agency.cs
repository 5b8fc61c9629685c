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

    /// <summary>App-managed concurrency token: SQLite has no rowversion.</summary>
    public int Version { get; private set; }

    public static Agency Register(string code, string name, Actor by, string mandate = "", IEnumerable<string>? thematicPriorities = null)
    {
        var agency = new Agency
        {
            Code = code,
            Name = name.Trim(),
            Mandate = mandate.Trim(),
            ThematicPriorities = [.. (thematicPriorities ?? []).Select(p => p.Trim())],
            Version = 1,
        };
        agency.ActAs(by);
        agency.Raise(new DomainEvent("agency.registered", agency.Subject, Audience.Everyone, new { code, name = agency.Name }));
        return agency;
    }

    public void UpdateProfile(string mandate, IEnumerable<string> thematicPriorities, Actor by)
    {
        ActAs(by);
        Mandate = mandate.Trim();
        ThematicPriorities = [.. thematicPriorities.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct()];
        Version++;
        Raise(new DomainEvent("agency.profile-updated", Subject, Audience.Everyone,
            new { code = Code, mandate = Mandate, thematicPriorities = ThematicPriorities }));
    }

    /// <summary>Told to the agency itself (and the secretariat): it names a person.</summary>
    public void RecordFocalPointRegistered(string email, string displayName, Actor by)
    {
        ActAs(by);
        Raise(new DomainEvent("agency.focal-point-registered", Subject, Audience.Agencies([Code]),
            new { code = Code, email, displayName }));
    }

    private Subject Subject => new("agency", Code);
}
