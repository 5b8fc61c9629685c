using Hangfire;

namespace Workspace.Server.Pipeline;

/// <summary>The pipeline's own housekeeping: idempotency keys past their retention are forgotten, hourly.</summary>
public sealed class PipelineJobs(IMediator mediator)
{
    [AutomaticRetry(Attempts = 3)]
    public Task PurgeIdempotencyKeysAsync(CancellationToken cancellationToken) =>
        mediator.Send(new PurgeIdempotencyKeys.Command(), cancellationToken);
}
