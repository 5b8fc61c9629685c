using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workspace.Server.Jobs;

/// <summary>Healthy when the jobs' storage answers a read (on PostgreSQL, the database's <c>hangfire</c> schema).</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            var recurring = connection.GetAllItemsFromSet("recurring-jobs").Count;
            return Task.FromResult(HealthCheckResult.Healthy($"The jobs' storage answers ({recurring} recurring jobs)."));
        }
        catch (Exception e) when (Data.StorageFailure.Is(e) || e is InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The jobs' storage does not answer: {Data.StorageFailure.Describe(e)}", e));
        }
    }
}
