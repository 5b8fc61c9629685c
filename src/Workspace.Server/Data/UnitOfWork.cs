namespace Workspace.Server.Data;

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

    public async Task RunBeforeCommitAsync(object? response, CancellationToken ct)
    {
        foreach (var work in beforeCommit)
        {
            await work(response, ct);
        }

        beforeCommit.Clear();
    }

    public void RunAfterCommit(ILogger logger)
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
