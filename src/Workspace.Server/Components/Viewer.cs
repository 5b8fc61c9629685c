using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Components;

/// <summary>The reader of a page: their zone, read once per page or circuit.</summary>
public sealed class Viewer(IServiceScopeFactory scopes, ICurrentUser me)
{
    private string? zone;

    /// <summary>The reader's zone: their profile's, else UTC.</summary>
    public async Task<string> ZoneAsync(CancellationToken cancellationToken = default)
    {
        if (zone is null)
        {
            string? stored = null;
            if (me.IsAuthenticated)
            {
                await using var scope = scopes.CreateAsyncScope();
                stored = await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Users.AsNoTracking().Where(p => p.Id == me.Id).Select(p => p.TimeZone).SingleOrDefaultAsync(cancellationToken);
            }

            zone = MeetingZones.Described(stored ?? MeetingZones.Utc);
        }

        return zone;
    }
}
