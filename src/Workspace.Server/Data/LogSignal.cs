namespace Workspace.Server.Data;

/// <summary>Wakes whoever follows the log (this node's relay) when a transaction that may have appended events commits.</summary>
public sealed class LogSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one wake-up reads everything new.
        }
    }

    public void Dispose() => signal.Dispose();

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
