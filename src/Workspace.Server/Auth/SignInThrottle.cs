using System.Collections.Concurrent;

namespace Workspace.Server.Auth;

/// <summary>
/// Failed sign-ins are counted per e-mail address (whether or not it has an account, so the answers do not
/// tell them apart) and per client address: a stranger elsewhere cannot lock anyone out, and one client
/// gets <see cref="AccessOptions.MaxFailedAttempts"/> guesses per address each window. An attempt reserves
/// its place before the password is checked, so concurrent attempts cannot exceed the limit.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<AccessOptions> options)
{
    private readonly ConcurrentDictionary<(string Email, string Client), Counter> counters = new();

    /// <summary>A place for one attempt, or the time until one frees up.</summary>
    public bool TryBegin(string email, string client, out Attempt attempt, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.Value.FailureWindowMinutes);
        var counter = counters.GetOrAdd((email.Trim().ToUpperInvariant(), client), _ => new Counter());
        lock (counter)
        {
            if (now - counter.WindowStart >= window)
            {
                counter.WindowStart = now;
                counter.Failures = 0;
            }

            if (counter.Failures + counter.InFlight >= options.Value.MaxFailedAttempts)
            {
                attempt = default;
                retryAfter = counter.WindowStart + window - now;
                return false;
            }

            counter.InFlight++;
        }

        Forget(now, window);
        attempt = new Attempt(counter);
        retryAfter = TimeSpan.Zero;
        return true;
    }

    private void Forget(DateTimeOffset now, TimeSpan window)
    {
        if (counters.Count < 10_000)
        {
            return;
        }

        foreach (var (key, counter) in counters)
        {
            lock (counter)
            {
                if (counter.InFlight == 0 && now - counter.WindowStart >= window)
                {
                    counters.TryRemove(key, out _);
                }
            }
        }
    }

    public readonly struct Attempt(Counter counter)
    {
        public void Succeeded() => End(success: true);

        public void Failed() => End(success: false);

        private void End(bool success)
        {
            lock (counter)
            {
                counter.InFlight--;
                counter.Failures = success ? 0 : counter.Failures + 1;
            }
        }
    }

    public sealed class Counter
    {
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public int Failures { get; set; }

        public int InFlight { get; set; }
    }
}
