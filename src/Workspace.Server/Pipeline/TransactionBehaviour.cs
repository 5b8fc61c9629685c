using Workspace.Server.Data;
using Workspace.Server.Live;

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
/// Last before the handler: a command runs in one database transaction, its turn taken in the process's
/// <see cref="WriteLock"/> (writers queue here rather than in SQLite's busy handler), committed only when the
/// handler and the pre-commit work all succeed.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(WorkspaceDb db, UnitOfWork unitOfWork, RelaySignal relay, WriteLock writeLock, ILogger<UnitOfWork> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        using var turn = await writeLock.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next();
        await unitOfWork.RunBeforeCommitAsync(response, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Once the commit starts, the caller's cancellation no longer applies: the effect is either whole or absent.
        await transaction.CommitAsync(CancellationToken.None);
        relay.Wake();
        unitOfWork.RunAfterCommit(logger);
        return response;
    }
}
