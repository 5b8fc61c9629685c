using Workspace.Server.Data;
using Workspace.Server.Features.Events;

namespace Workspace.Server.Live;

/// <summary>
/// Tails the event log after each commit (and every <see cref="LiveOptions.CatchUpInterval"/> in case no one
/// woke it) and hands each new event to the connections of this node whose user may see it. It never waits
/// for a connection: each has its own bounded queue. Starts at the log's head; clients catch up on anything
/// older with Resume.
/// </summary>
internal sealed partial class EventRelay(
    IServiceScopeFactory scopes, RelaySignal signal, LiveConnections connections, IOptions<LiveOptions> options, ILogger<EventRelay> logger)
    : BackgroundService
{
    private const int Batch = 500;

    /// <summary>The last event handed out; exposed for tests and diagnostics.</summary>
    public long Position { get; private set; } = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Position = await HeadAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(options.Value.CatchUpInterval, stoppingToken);
                await RelayNewEventsAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<long> HeadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        return await db.Events.MaxAsync(e => (long?)e.Seq, ct) ?? 0;
    }

    private async Task RelayNewEventsAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
                var after = Position;
                var rows = await db.Events.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(Batch).ToListAsync(ct);
                foreach (var row in rows)
                {
                    var envelope = EventEnvelope.From(row);
                    foreach (var subscriber in connections.All)
                    {
                        if (subscriber.MaySee(row))
                        {
                            subscriber.Offer(envelope);
                        }
                    }

                    Position = row.Seq;
                }

                if (rows.Count < Batch)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed read is retried at the next wake-up; the relay must keep running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ReadFailed(logger, e, Position);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the event log after {Seq} failed; retrying at the next wake-up.")]
    private static partial void ReadFailed(ILogger logger, Exception exception, long seq);
}
