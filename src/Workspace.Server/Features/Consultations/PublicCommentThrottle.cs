using System.Collections.Concurrent;

namespace Workspace.Server.Features.Consultations;

/// <summary>
/// Comments from the public are limited per client address: <see cref="PerTenMinutes"/> in ten minutes, by the
/// injected clock, for the API and the public page alike (both send the same request).
/// </summary>
public sealed class PublicCommentThrottle(TimeProvider clock)
{
    public const int PerTenMinutes = 5;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Counter> counters = new();

    /// <summary>Takes a place for one comment from <paramref name="client"/>, or says when one frees up.</summary>
    public bool TryTake(string client, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var counter = counters.GetOrAdd(client, _ => new Counter { Start = now });
        lock (counter)
        {
            if (now - counter.Start >= Window)
            {
                (counter.Start, counter.Count) = (now, 0);
            }

            retryAfter = counter.Start + Window - now;
            if (counter.Count >= PerTenMinutes)
            {
                return false;
            }

            counter.Count++;
        }

        if (counters.Count > 10_000)
        {
            foreach (var (key, stale) in counters.Where(c => now - c.Value.Start >= Window))
            {
                counters.TryRemove(key, out _);
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
