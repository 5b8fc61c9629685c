using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

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
