using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workspace.Server.Data;

/// <summary>A row the health check writes and removes, so that /healthz proves the database takes writes.</summary>
public sealed class StorageProbe
{
    public int Id { get; init; }

    public byte[] Data { get; init; } = [];
}

/// <summary>
/// Healthy when the database answers a read and takes a write that needs a fresh page (what a full disk or
/// quota refuses). It recovers by itself: the next check after space is freed is healthy again.
/// </summary>
internal sealed class StorageHealthCheck(WorkspaceDb db, StorageMode storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Agencies.AsNoTracking().AnyAsync(cancellationToken);
            if (storage.ReadOnly)
            {
                return HealthCheckResult.Degraded("The database is on read-only storage: reads only.");
            }

            db.Add(new StorageProbe { Data = new byte[8192] });
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<StorageProbe>().ExecuteDeleteAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database reads and writes.");
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            return HealthCheckResult.Unhealthy($"The database cannot be written: {StorageFailure.Describe(e)}", e);
        }
    }
}
