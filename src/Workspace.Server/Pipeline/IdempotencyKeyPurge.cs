using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

/// <summary>The pipeline's own housekeeping: idempotency keys past their retention are forgotten, hourly.</summary>
internal sealed class IdempotencyKeyPurge : ITimedWork
{
    public string Name => "idempotency-key-purge";

    public string Cron => Hangfire.Cron.Hourly();

    public Task RunAsync(IServiceProvider services, Guid? subject, CancellationToken ct) =>
        services.GetRequiredService<IMediator>().Send(new PurgeIdempotencyKeys.Command(), ct);
}
