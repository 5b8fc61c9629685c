using Workspace.Server.Data;

namespace Workspace.Server.Auth;

/// <summary>Reads the co-chair term in force today, by the injected clock.</summary>
public sealed class CoChairs(WorkspaceDb db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<CoChairTerm?> CurrentTermAsync(CancellationToken ct)
    {
        var today = Today;
        return db.CoChairTerms.AsNoTracking().FirstOrDefaultAsync(t => t.From <= today && today <= t.To, ct);
    }

    public async Task<bool> IsCoChairAsync(string agencyCode, CancellationToken ct) =>
        await CurrentTermAsync(ct) is { } term && term.AgencyCodes.Contains(agencyCode);
}
