namespace Workspace.Server.Features.Agencies;

public sealed record AgencySummary(string Code, string Name);

public sealed record FocalPointView(string Email, string DisplayName);

public sealed record AgencyProfile(string Code, string Name, string Mandate, IReadOnlyList<string> ThematicPriorities, IReadOnlyList<FocalPointView> FocalPoints,
    IReadOnlyList<string>? Regions = null, IReadOnlyList<KeyActivity>? KeyActivities = null, string? ResourcesUrl = null);

public sealed record MemberEntry(string Code, string Name, string Mandate, IReadOnlyList<string>? ThematicPriorities = null, IReadOnlyList<string>? Regions = null);

internal static class AgencyRules
{
    /// <summary>Upper-case letters, digits and hyphens, starting with a letter: <c>UNODC</c>, <c>OSRSG-SVC</c>.</summary>
    public const string CodePattern = "^[A-Z][A-Z0-9-]{1,15}$";

    public static IRuleBuilderOptions<T, string> MustBeAgencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(CodePattern).WithMessage("An agency code is 2 to 16 upper-case letters, digits or hyphens, starting with a letter (e.g. UNODC).");

    /// <summary>The code is a member agency's.</summary>
    public static IRuleBuilderOptions<T, string> MustBeMember<T>(this IRuleBuilder<T, string> rule, Data.WorkspaceDb db) =>
        rule.MustAsync((code, ct) => db.Agencies.AnyAsync(a => a.Code == code, ct));

    /// <summary>Every code is a member agency's (repeats allowed). One query for the list.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> MustAllBeMembers<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, Data.WorkspaceDb db) =>
        rule.MustAsync(async (codes, ct) => codes is null || await db.Agencies.CountAsync(a => codes.Contains(a.Code), ct) == codes.Distinct().Count());

    public static async Task<AgencyProfile?> LoadProfileAsync(this Data.WorkspaceDb db, string code, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code)
            .Select(a => new { a.Code, a.Name, a.Mandate, a.ThematicPriorities, a.Regions, a.KeyActivities, a.ResourcesUrl })
            .SingleOrDefaultAsync(ct);
        if (agency is null)
        {
            return null;
        }

        var focalPoints = await db.Users.AsNoTracking()
            .Where(p => p.AgencyCode == code)
            .OrderBy(p => p.DisplayName)
            .Select(p => new FocalPointView(p.Email!, p.DisplayName))
            .ToListAsync(ct);
        return new AgencyProfile(agency.Code, agency.Name, agency.Mandate, agency.ThematicPriorities, focalPoints, agency.Regions, agency.KeyActivities, agency.ResourcesUrl);
    }
}
