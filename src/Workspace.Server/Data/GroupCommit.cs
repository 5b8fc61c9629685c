using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Workspace.Server.Data;

/// <summary>
/// The write path: one writer at a time, queued in this process, and commands that queue while a commit is in
/// flight share the next transaction and its fsync.
/// <para>
/// A writer enqueues itself and waits for its turn. The committer hands turns out in order: the first writer
/// of a batch begins a transaction (<c>BEGIN IMMEDIATE</c>) on the one write connection; each writer runs its
/// whole command, on its own <see cref="WorkspaceDb"/> attached to that connection, inside a savepoint of its
/// own, so a refused command rolls back alone. When no writer is waiting, or the batch has taken about as long
/// as a commit takes, the committer commits: every writer of the batch is answered only after that commit, with its effect durable
/// (<c>synchronous=FULL</c>). If the commit fails, or a failure inside one command ends the whole transaction
/// (a full disk), every writer of the batch gets the failure and nothing of the batch is kept.
/// </para>
/// Waiting here, in order, costs nothing while another writer works, whereas waiting in SQLite's busy handler
/// sleeps and retries.
/// </summary>
public sealed class GroupCommit : IWritePath, IAsyncDisposable
{
    /// <summary>A batch stops taking writers after this many.</summary>
    internal const int MostWriters = 64;

    private readonly Channel<Writer> queue = Channel.CreateUnbounded<Writer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string connectionString;
    private readonly string pragmas;
    private readonly TimeSpan? longestBatch;
    private double commitSeconds = 0.001;
    private readonly Histogram<int>? batchSize;
    private readonly Lazy<Task> committer;
    private SqliteConnection? connection;
    private long commits;
    private long committedWriters;

    /// <param name="longestBatch">
    /// How long a batch keeps taking writers, at most. By default, as long as a commit takes (measured): a
    /// writer then waits for others at most about the time it saves them, so on a disk whose fsync is cheap beside
    /// the commands' own work batches stay small, and on a slow disk they grow.
    /// </param>
    public GroupCommit(string connectionString, string pragmas, IMeterFactory? meters = null, TimeSpan? longestBatch = null)
    {
        this.connectionString = connectionString;
        this.pragmas = pragmas;
        this.longestBatch = longestBatch;
        batchSize = meters?.Create(WorkspaceMeter.Name).CreateHistogram<int>(
            "workspace.write.batch.size", "{command}", "Commands made durable by one commit (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
        committer = new Lazy<Task>(() => Task.Run(CommitInTurnsAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Commits made, and the writes they made durable: a ratio above one is writes sharing a commit.</summary>
    public (long Commits, long Writers) Totals => (Interlocked.Read(ref commits), Interlocked.Read(ref committedWriters));

    /// <summary>
    /// Runs <paramref name="work"/> in its turn, with <paramref name="db"/> attached to the shared transaction,
    /// and answers once its effect is durable; a failure of <paramref name="work"/> undoes what it wrote.
    /// </summary>
    public async Task<T> WriteAsync<T>(WorkspaceDb db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        _ = committer.Value;
        var writer = new Writer();
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(writer), this);

        Batch batch;
        try
        {
            batch = await writer.Turn.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (writer.Abandon())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // The turn came as the caller gave up: it is ended without work.
            batch = await writer.Turn.Task;
            writer.Finish(succeeded: false);
            throw;
        }

        T result = default!;
        ExceptionDispatchInfo? refusal = null;
        var succeeded = false;
        var ownConnectionString = db.Database.GetConnectionString();
        try
        {
            db.Database.SetDbConnection(batch.Connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(batch.Transaction, CancellationToken.None);
            // The writer's own savepoint already undoes a failed save: none more per SaveChanges.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await batch.Transaction.SaveAsync(Savepoint, CancellationToken.None);
                result = await work(cancellationToken);
                await batch.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                succeeded = true;
            }
            catch (Exception failure)
            {
                batch.Undo(failure);
                refusal = ExceptionDispatchInfo.Capture(failure);
            }
        }
        finally
        {
            try
            {
                // The context lets go of the shared transaction and connection (its count of opens included)
                // and goes back to a connection of its own, for whatever it reads after the command.
                db.Database.AutoSavepointsEnabled = true;
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
                await db.Database.CloseConnectionAsync();
                db.Database.SetDbConnection(null);
                db.Database.SetConnectionString(ownConnectionString);
            }
            finally
            {
                writer.Finish(succeeded);
            }
        }

        if (refusal is not null)
        {
            // A refusal is answered after the writers before it are durable, so that a caller who reads again
            // on hearing it (a retry with the same Idempotency-Key) finds what they committed.
            await batch.Durable.Task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            refusal.Throw();
        }

        await batch.Durable.Task;
        return result;
    }

    private const string Savepoint = "command";

    /// <summary>Nothing more: the one writer in its turn is the order.</summary>
    public Task BeforeAppendAsync(WorkspaceDb db, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CommitInTurnsAsync()
    {
        while (await queue.Reader.WaitToReadAsync())
        {
            Batch? batch = null;
            var started = Stopwatch.GetTimestamp();
            var window = longestBatch ?? TimeSpan.FromSeconds(commitSeconds);
            var writers = 0;
            try
            {
                while (writers < MostWriters && (writers == 0 || Stopwatch.GetElapsedTime(started) < window) && queue.Reader.TryRead(out var writer))
                {
                    if (!writer.Take())
                    {
                        continue;
                    }

                    if (batch is null)
                    {
                        try
                        {
                            batch = Begin();
                        }
#pragma warning disable CA1031 // The writer whose turn it was gets the failure; the next one tries again.
                        catch (Exception e)
#pragma warning restore CA1031
                        {
                            writer.Turn.SetException(new StorageWriteException(e));
                            Reset(null);
                            break;
                        }
                    }

                    writer.Turn.SetResult(batch);
                    if (await writer.Finished.Task)
                    {
                        writers++;
                    }

                    if (batch.Failure is not null)
                    {
                        break;
                    }
                }

                if (batch is null)
                {
                    continue;
                }

                if (batch.Failure is { } failure)
                {
                    throw new StorageWriteException(failure);
                }

                var committing = Stopwatch.GetTimestamp();
                batch.Transaction.Commit();
                commitSeconds = (0.8 * commitSeconds) + (0.2 * Stopwatch.GetElapsedTime(committing).TotalSeconds);
                Interlocked.Increment(ref commits);
                Interlocked.Add(ref committedWriters, writers);
                batchSize?.Record(writers);
                batch.Transaction.Dispose();
                batch.Durable.SetResult();
            }
#pragma warning disable CA1031 // Every writer of the batch is told; the committer itself goes on with a fresh connection.
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch?.Durable.SetException(e as StorageWriteException ?? new StorageWriteException(e));
                Reset(batch);
            }
        }

        Reset(null);
    }

    private Batch Begin()
    {
        if (connection is null)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }

        return new Batch(connection, connection.BeginTransaction(deferred: false));
    }

    private void Reset(Batch? batch)
    {
        try
        {
            batch?.Transaction.Dispose();
        }
#pragma warning disable CA1031 // A transaction SQLite already ended cannot be rolled back again; the connection goes anyway.
        catch (SqliteException)
#pragma warning restore CA1031
        {
        }

        connection?.Dispose();
        connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (committer.IsValueCreated)
        {
            await committer.Value;
        }
    }

    private sealed class Writer
    {
        private const int Queued = 0, Taken = 1, Abandoned = 2;
        private int state;

        public TaskCompletionSource<Batch> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// Completed by the writer as its turn ends; the committer goes on at once on the writer's thread (handing
        /// the turn to the next, or committing) rather than after a hop through the thread pool.
        /// </summary>
        public TaskCompletionSource<bool> Finished { get; } = new();

        public bool Take() => Interlocked.CompareExchange(ref state, Taken, Queued) == Queued;

        public bool Abandon() => Interlocked.CompareExchange(ref state, Abandoned, Queued) == Queued;

        public void Finish(bool succeeded) => Finished.SetResult(succeeded);
    }

    private sealed class Batch(SqliteConnection connection, SqliteTransaction transaction)
    {
        public SqliteConnection Connection { get; } = connection;

        public SqliteTransaction Transaction { get; } = transaction;

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when the transaction itself is lost, not only the one command's savepoint.</summary>
        public Exception? Failure { get; private set; }

        public void Undo(Exception cause)
        {
            try
            {
                if (SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0)
                {
                    Transaction.Rollback(Savepoint);
                    Transaction.Release(Savepoint);
                    return;
                }
            }
#pragma warning disable CA1031 // Whatever stops the undo of one savepoint ends the batch, reported below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failure = e;
                return;
            }

            // SQLite ended the whole transaction (as it may on a full disk or an I/O error).
            Failure = cause;
        }
    }
}

/// <summary>
/// A write that was not made durable because the transaction it shared failed as a whole (the commit, or a
/// full disk under another command of the batch). Nothing of it was kept; the storage failure is inside.
/// </summary>
public sealed class StorageWriteException(Exception inner)
    : Exception("The write was not made durable: " + inner.Message, inner);
