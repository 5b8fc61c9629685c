namespace Workspace.Server.Data;

/// <summary>
/// How commands write: one at a time across the whole workspace, each answered once its effect is durable.
/// On SQLite, <see cref="GroupCommit"/> (one writer in this process, commits shared); on PostgreSQL,
/// <see cref="PostgreSql.PostgreSqlWrites"/> (a lock in the database, so writers on every node take turns).
/// </summary>
public interface IWritePath
{
    /// <summary>
    /// Runs <paramref name="work"/> in its turn, in a transaction on <paramref name="db"/>, and answers once its
    /// effect is durable; a failure of <paramref name="work"/> leaves nothing of it.
    /// </summary>
    Task<T> WriteAsync<T>(WorkspaceDb db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Called in the writing transaction before the log's head is read and advanced: whatever keeps appends in
    /// order (and tells other nodes that the log will have moved once this transaction commits).
    /// </summary>
    Task BeforeAppendAsync(WorkspaceDb db, CancellationToken cancellationToken);
}
