namespace Workspace.Server.Data;

/// <summary>
/// What follows from committed events and must happen once: notifications and mail to the people concerned, kept
/// in the database. A reaction reads what it needs and adds its rows to the context it is given, outside any
/// writer's turn; <see cref="LogReactions"/> then saves those rows and moves the reaction's checkpoint in one short
/// turn of the write path, so each event is acted on once, even across a crash or on several nodes.
/// </summary>
public interface ILogReaction
{
    /// <summary>The checkpoint's name: stable, as the database keeps it.</summary>
    string Name { get; }

    /// <summary>The events this reaction acts on, as a filter the log's query runs in SQL.</summary>
    IQueryable<EventRecord> Filter(IQueryable<EventRecord> events);

    /// <summary>Reads what <paramref name="events"/> need and adds the rows they lead to, unsaved, to <paramref name="db"/>.</summary>
    Task ReactAsync(WorkspaceDb db, IReadOnlyList<EventRecord> events, CancellationToken ct);

    /// <summary>After the rows are committed: wakes whatever acts on them (the mail delivery).</summary>
    void Committed(WorkspaceDb db);
}

/// <summary>How far a reaction has acted on the log: every event up to <see cref="Seq"/> is done.</summary>
public sealed class ReactionCheckpoint
{
    public string Name { get; init; } = "";

    public long Seq { get; set; }
}

/// <summary>
/// Runs the reactions after commit, from each one's durable checkpoint. This node's relay calls
/// <see cref="CatchUpAsync"/> before it hands new events to the connections (so a page told of an event finds its
/// notification), and at every wake-up, so a reaction that failed is tried again. On several nodes each may
/// prepare the same events; the one that finds the checkpoint unmoved in its turn keeps its rows, the other drops them.
/// </summary>
public sealed partial class LogReactions(IServiceScopeFactory scopes, IEnumerable<ILogReaction> reactions, IWritePath writes, ILogger<LogReactions> logger)
{
    private const int Batch = 200;
    private readonly ILogReaction[] all = [.. reactions];
    private readonly Dictionary<string, long> reached = [];
    private TaskCompletionSource advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long reachedAll = -1;

    /// <summary>The event up to which every reaction has acted, as this node knows it (-1 before it has looked); read by any thread.</summary>
    public long Reached => Volatile.Read(ref reachedAll);

    /// <summary>Acts on every event up to <paramref name="upTo"/> that a reaction has not acted on yet. One caller at a time (the relay).</summary>
    public async Task CatchUpAsync(long upTo, CancellationToken ct)
    {
        if (Reached >= upTo)
        {
            return;
        }

        foreach (var reaction in all)
        {
            while (reached.GetValueOrDefault(reaction.Name, -1) < upTo)
            {
                reached[reaction.Name] = await StepAsync(reaction, reached.GetValueOrDefault(reaction.Name, -1), upTo, ct);
            }
        }

        Advance(upTo);
    }

    /// <summary>
    /// Waits, at most <paramref name="timeout"/>, until the reactions have acted on every event committed before
    /// this call (what a person reads of their notifications then includes what just happened). Answers whether they have.
    /// </summary>
    public async Task<bool> CaughtUpAsync(WorkspaceDb db, TimeSpan timeout, CancellationToken ct)
    {
        var head = await db.EventLogHeads.AsNoTracking().Where(h => h.Id == 1).Select(h => h.Seq).SingleOrDefaultAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (Reached < head)
        {
            var next = Volatile.Read(ref advanced).Task;
            if (Reached >= head)
            {
                break;
            }

            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    private void Advance(long upTo)
    {
        Volatile.Write(ref reachedAll, upTo);
        Interlocked.Exchange(ref advanced, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// One batch of <paramref name="reaction"/> after <paramref name="known"/>, up to which this node already knows every
    /// event is done or needs nothing: answers how far it got. The log is read from there, not from the stored
    /// checkpoint, which stays behind while events need nothing (moving it would take a writer's turn after every
    /// command), so each batch reads only the new rows; the checkpoint is read only when there is something to write.
    /// </summary>
    private async Task<long> StepAsync(ILogReaction reaction, long known, long upTo, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        if (known < 0)
        {
            // First look on this node: from the stored checkpoint (after a restart, what was missed is done first).
            known = await CheckpointAsync(db, reaction.Name, ct);
            if (known >= upTo)
            {
                return known;
            }
        }

        var events = await reaction.Filter(db.Events.AsNoTracking().Where(e => e.Seq > known && e.Seq <= upTo))
            .OrderBy(e => e.Seq).Take(Batch).ToListAsync(ct);
        if (events.Count == 0)
        {
            return upTo;
        }

        var to = events.Count == Batch ? events[^1].Seq : upTo;
        var from = await CheckpointAsync(db, reaction.Name, ct);
        if (from >= events[^1].Seq)
        {
            // Another node has acted on these already.
            return Math.Min(from, upTo);
        }

        // Those another node has acted on meanwhile are its.
        events = [.. events.Where(e => e.Seq > from)];
        await reaction.ReactAsync(db, events, ct);
        var (kept, at) = await writes.WriteAsync(db, async turn =>
        {
            var checkpoint = await db.Set<ReactionCheckpoint>().SingleOrDefaultAsync(c => c.Name == reaction.Name, turn);
            if ((checkpoint?.Seq ?? 0) != from)
            {
                return (false, checkpoint?.Seq ?? 0);
            }

            if (checkpoint is null)
            {
                db.Add(new ReactionCheckpoint { Name = reaction.Name, Seq = to });
            }
            else
            {
                checkpoint.Seq = to;
            }

            await db.SaveChangesAsync(turn);
            return (true, to);
        }, ct);

        if (!kept)
        {
            // Another node acted on these events first.
            Dropped(logger, reaction.Name, from);
            return at;
        }

        reaction.Committed(db);
        return to;
    }

    private static async Task<long> CheckpointAsync(WorkspaceDb db, string name, CancellationToken ct) =>
        await db.Set<ReactionCheckpoint>().AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.Seq).SingleOrDefaultAsync(ct) ?? 0;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Reaction}: the events after {Seq} were acted on by another node; its rows are kept, these dropped.")]
    private static partial void Dropped(ILogger logger, string reaction, long seq);
}
