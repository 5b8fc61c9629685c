using Workspace.Server.Data;

namespace Workspace.Server.Features.Agencies;

/// <summary>The group's lists for the public mapping of members.</summary>
public sealed record DirectoryTermsView(IReadOnlyList<string> Themes, IReadOnlyList<string> Regions)
{
    /// <summary>A page's filter as listed: the listed spelling of a theme and a region, or null for one not on the lists (an old link shows everyone).</summary>
    public (string? Theme, string? Region) Listed(string? theme, string? region) =>
        (theme is null ? null : DirectoryTerms.Find(Themes, theme), region is null ? null : DirectoryTerms.Find(Regions, region));
}

internal static class DirectoryTermsLoading
{
    /// <summary>The lists as the secretariat set them, or the defaults until it does.</summary>
    public static async Task<DirectoryTerms> DirectoryTermsAsync(this WorkspaceDb db, CancellationToken ct) =>
        await db.DirectoryTerms.SingleOrDefaultAsync(ct) ?? DirectoryTerms.Default();
}
