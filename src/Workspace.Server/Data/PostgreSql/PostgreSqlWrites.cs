using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workspace.Server.Data.PostgreSql;

/// <summary>
/// The write path on PostgreSQL, shared by every node: each command runs in a transaction of its own that
/// first takes the workspace's write lock (a transaction-scoped advisory lock), so commands on all nodes
/// take turns exactly as SQLite's one writer does. Everything a command reads after the lock is what the
/// commands before it committed (read committed), so every rule the domain checks holds across nodes, and
/// the log's head advances in commit order: a transaction's commit is visible before its lock is released, so
/// a relay that sees <c>seq</c> n has every lower one. In this process writers queue first, so that one
/// connection per node, not one per waiting request, waits on the lock.
/// </summary>
public sealed class PostgreSqlWrites : IWritePath, IDisposable
{
    /// <summary>The advisory lock's key: the bytes of "iawlog".</summary>
    public const long AppendLock = 0x6961776C6F67;

    /// <summary>The channel every node's relay listens on (<see cref="PostgreSqlLogListener"/>).</summary>
    public const string Channel = "workspace_log";

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Histogram<double>? lockWait;

    public PostgreSqlWrites(IMeterFactory? meters = null) =>
        lockWait = meters?.Create(WorkspaceMeter.Name).CreateHistogram<double>(
            "workspace.write.lock.wait", "s", "Time a command waited for the workspace's write lock in the database (other nodes' writers).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });

    public async Task<T> WriteAsync<T>(WorkspaceDb db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            // A failed command rolls back as a whole: no savepoint per save.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var waiting = Stopwatch.GetTimestamp();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock})", cancellationToken);
            lockWait?.Record(Stopwatch.GetElapsedTime(waiting).TotalSeconds);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
            turn.Release();
        }
    }

    /// <summary>
    /// The lock again (held already by a command's transaction; taken here by any other that appends), and a
    /// notification that PostgreSQL delivers to every node's relay when, and only if, the transaction commits.
    /// </summary>
    public async Task BeforeAppendAsync(WorkspaceDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock}), pg_notify({Channel}, '')", cancellationToken);

    public void Dispose() => turn.Dispose();
}
