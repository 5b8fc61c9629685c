using System.Collections.Concurrent;

namespace Workspace.Server.Pipeline;

/// <summary>
/// How many times each key acted in a fixed window, by the injected clock, in this process: the one count behind
/// the limits on changes per person and on public comments per client. Old keys are forgotten as the table grows.
/// </summary>
public sealed class WindowCounter(TimeProvider clock, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Counter> counters = new();

    /// <summary>Takes a place for one more act of <paramref name="key"/> within <paramref name="limit"/>, or says when one frees up.</summary>
    public bool TryTake(string key, int limit, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var counter = counters.GetOrAdd(key, _ => new Counter { Start = now });
        lock (counter)
        {
            if (now - counter.Start >= window)
            {
                (counter.Start, counter.Count) = (now, 0);
            }

            retryAfter = counter.Start + window - now;
            if (counter.Count >= limit)
            {
                return false;
            }

            counter.Count++;
        }

        if (counters.Count > 50_000)
        {
            foreach (var (stale, _) in counters.Where(c => now - c.Value.Start >= window))
            {
                counters.TryRemove(stale, out _);
            }
        }

        return true;
    }

    private sealed class Counter
    {
        public DateTimeOffset Start { get; set; }

        public int Count { get; set; }
    }
}
