namespace Workspace.Server.Data;

/// <summary>
/// One writer at a time, queued in this process. SQLite serializes write transactions anyway; waiting here,
/// in order, costs nothing while the other writer works, whereas waiting in SQLite's busy handler sleeps and
/// retries, and a writer can wake long after the lock came free.
/// </summary>
public sealed class WriteLock : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for the turn to write; disposing the answer passes the turn on.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
