using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

/// <summary>
/// Work that must commit together with the command's effect, such as its idempotency record. It runs
/// after the handler, inside the command's transaction.
/// </summary>
public sealed partial class UnitOfWork
{
    private readonly List<Func<object?, CancellationToken, Task>> beforeCommit = [];
    private readonly List<Action> afterCommit = [];

    public void BeforeCommit(Func<object?, CancellationToken, Task> work) => beforeCommit.Add(work);

    /// <summary>
    /// Work that may only start once the effect is durable, such as scheduling a job. If the process stops
    /// before it runs, the start-up re-derivation and the periodic sweep catch up.
    /// </summary>
    public void AfterCommit(Action work) => afterCommit.Add(work);

    internal async Task RunBeforeCommitAsync(object? response, CancellationToken ct)
    {
        foreach (var work in beforeCommit)
        {
            await work(response, ct);
        }

        beforeCommit.Clear();
    }

    internal void RunAfterCommit(ILogger logger)
    {
        foreach (var work in afterCommit)
        {
            try
            {
                work();
            }
#pragma warning disable CA1031 // The effect is committed; a failure here must not turn the answer into an error.
            catch (Exception e)
#pragma warning restore CA1031
            {
                AfterCommitFailed(logger, e);
            }
        }

        afterCommit.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work after commit failed; the periodic sweep will catch up.")]
    private static partial void AfterCommitFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Last before the handler: a command runs in its turn of the write path (<see cref="IWritePath"/>: on SQLite
/// the <see cref="GroupCommit"/>, inside a savepoint of a transaction it may share with the commands queued beside
/// it; on PostgreSQL a transaction of its own under the workspace's write lock); the caller is answered once its
/// effect is durable. The handler and the pre-commit work either all count or leave nothing.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(WorkspaceDb db, UnitOfWork unitOfWork, LogSignal relay, IWritePath writes, ILogger<UnitOfWork> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var response = await writes.WriteAsync(db, async ct =>
        {
            var response = await next();
            await unitOfWork.RunBeforeCommitAsync(response, ct);
            await db.SaveChangesAsync(ct);
            return response;
        }, cancellationToken);
        relay.Wake();
        unitOfWork.RunAfterCommit(logger);
        return response;
    }
}
