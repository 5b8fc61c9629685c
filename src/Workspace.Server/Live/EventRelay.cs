using Workspace.Server.Data;

namespace Workspace.Server.Live;

/// <summary>
/// Tails the event log after each commit (and every <see cref="LiveOptions.CatchUpInterval"/> in case no one
/// woke it) and hands each new event to the connections of this node whose user may see it. It never waits
/// for a connection: each has its own bounded queue. Starts at the log's head; clients catch up on anything
/// older with Resume. It also anchors the head it reaches outside the database (<see cref="LogAnchor"/>).
/// </summary>
internal sealed partial class EventRelay(
    IServiceScopeFactory scopes, LogSignal signal, LiveConnections connections, LogAnchor anchor, LogReactions reactions, IEnumerable<ILogFollower> followers,
    IOptions<LiveOptions> options,
    ILogger<EventRelay> logger)
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
                // What the reactions missed (the server stopped between a commit and them, or they failed) is done first.
                await ReactAsync(Position, stoppingToken);
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
        var head = await db.Events.AsNoTracking().OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is not null && !anchor.Record(head.Seq, head.Hash))
        {
            AnchorFailed(logger, anchor.Path, head.Seq);
        }

        return head?.Seq ?? 0;
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
                // Anchored before it is handed out: whoever has seen an event live can rely on its being anchored.
                if (rows.Count > 0 && !anchor.Record(rows[^1].Seq, rows[^1].Hash))
                {
                    AnchorFailed(logger, anchor.Path, rows[^1].Seq);
                }

                // Notifications are written before the events go out, so a page told of an event finds its notification.
                if (rows.Count > 0)
                {
                    await ReactAsync(rows[^1].Seq, ct);
                }

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

                    foreach (var follower in followers)
                    {
                        Follow(follower, row);
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

    private async Task ReactAsync(long upTo, CancellationToken ct)
    {
        try
        {
            await reactions.CatchUpAsync(upTo, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The reactions keep their checkpoint and are tried again at the next wake-up; the relay goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ReactionsFailed(logger, e, upTo);
        }
    }

    private void Follow(ILogFollower follower, EventRecord row)
    {
        try
        {
            follower.Follow(row);
        }
#pragma warning disable CA1031 // One follower's failure must not stop the relay; the sweeps catch up on timed work.
        catch (Exception e)
#pragma warning restore CA1031
        {
            FollowerFailed(logger, e, follower.GetType().Name, row.Seq);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Follower} failed on event {Seq}; the sweeps will catch up.")]
    private static partial void FollowerFailed(ILogger logger, Exception exception, string follower, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acting on the events up to {Seq} (notifications, mail) failed; trying again at the next wake-up.")]
    private static partial void ReactionsFailed(ILogger logger, Exception exception, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not append the log's head {Seq} to the anchor {Path}; trying again at the next head.")]
    private static partial void AnchorFailed(ILogger logger, string path, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the event log after {Seq} failed; retrying at the next wake-up.")]
    private static partial void ReadFailed(ILogger logger, Exception exception, long seq);
}
