using Workspace.Server.Data;

namespace Workspace.Server.Features.Agencies;

/// <summary>The group's lists for the public mapping of members.</summary>
public sealed record DirectoryTermsView(IReadOnlyList<string> Themes, IReadOnlyList<string> Regions);

internal static class DirectoryTermsLoading
{
    /// <summary>The lists as the secretariat set them, or the defaults until it does.</summary>
    public static async Task<DirectoryTerms> DirectoryTermsAsync(this WorkspaceDb db, CancellationToken ct) =>
        await db.DirectoryTerms.SingleOrDefaultAsync(ct) ?? DirectoryTerms.Default();
}
