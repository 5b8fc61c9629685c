using System.Diagnostics;

namespace Workspace.Benchmarks;

/// <summary>Latencies of one kind of request, recorded by many clients at once.</summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private int failures;

    public int Count
    {
        get
        {
            lock (milliseconds)
            {
                return milliseconds.Count;
            }
        }
    }

    public int Failures => failures;

    /// <summary>Records a latency measured elsewhere (an event's travel to a client).</summary>
    public void Record(double elapsedMilliseconds)
    {
        lock (milliseconds)
        {
            milliseconds.Add(elapsedMilliseconds);
        }
    }

    /// <summary>Times one call; a failed call counts as a failure, not as a latency.</summary>
    public async Task TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
#pragma warning disable CA1031 // A benchmark counts failures; it does not stop at the first.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref failures);
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (milliseconds)
        {
            milliseconds.Add(elapsed);
        }
    }

    public double Percentile(double p)
    {
        lock (milliseconds)
        {
            if (milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = milliseconds.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
        }
    }
}

/// <summary>One measured figure, beside the machine's limit it is compared with (when there is one).</summary>
public sealed record Figure(string Name, double Value, string Unit, string? Limit = null, double? LimitValue = null, string? Target = null)
{
    /// <summary>The figure as a share of its limit: 1.0 is the limit reached.</summary>
    public double? Ratio => LimitValue is > 0 ? Value / LimitValue : null;
}

/// <summary>Runs <paramref name="clients"/> loops of <paramref name="call"/> for <paramref name="duration"/>, with a progress line.</summary>
public static class Load
{
    /// <summary>How long each phase runs unmeasured first, so that what is measured is the server warmed up (JIT, pools, caches).</summary>
    public static TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(3);

    public static async Task<(Latencies Latencies, double PerSecond)> RunAsync(string name, int clients, TimeSpan duration, Func<int, Task> call)
    {
        if (WarmUp > TimeSpan.Zero)
        {
            await MeasureAsync(name + " (warming up)", clients, WarmUp, call);
        }

        return await MeasureAsync(name, clients, duration, call);
    }

    private static async Task<(Latencies Latencies, double PerSecond)> MeasureAsync(string name, int clients, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new Latencies();
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await latencies.TimeAsync(() => call(client));
            }
        })).ToList();
        var all = Task.WhenAll(loops);
        while (await Task.WhenAny(all, Task.Delay(500)) != all)
        {
            Progress.Say($"{name}: {Stopwatch.GetElapsedTime(started).TotalSeconds:F0}/{duration.TotalSeconds:F0} s, {latencies.Count} done, {latencies.Failures} failed");
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Progress.Done($"{name}: {latencies.Count / seconds:F0}/s, p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms, {latencies.Failures} failed");
        return (latencies, latencies.Count / seconds);
    }
}

/// <summary>
/// An open loop: calls started at a fixed rate whatever the answers' pace (at most <c>inFlight</c> waiting), as
/// independent people send them; what a closed loop of busy clients cannot show, the latency at a given load.
/// </summary>
public static class Paced
{
    public static async Task<(Latencies Latencies, double PerSecond)> RunAsync(string name, double perSecond, TimeSpan duration, Func<int, Task> call, int inFlight = 512)
    {
        var latencies = new Latencies();
        using var slots = new SemaphoreSlim(inFlight);
        var started = Stopwatch.GetTimestamp();
        var calls = new List<Task>();
        var skipped = 0;
        for (var n = 0; ; n++)
        {
            var due = TimeSpan.FromSeconds(n / perSecond);
            if (due >= duration)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (!slots.Wait(0))
            {
                skipped++;
                continue;
            }

            var index = n;
            calls.Add(Task.Run(async () =>
            {
                try
                {
                    await latencies.TimeAsync(() => call(index));
                }
                finally
                {
                    slots.Release();
                }
            }));
            if (n % 100 == 0)
            {
                Progress.Say($"{name}: {Stopwatch.GetElapsedTime(started).TotalSeconds:F0}/{duration.TotalSeconds:F0} s, {latencies.Count} done");
            }
        }

        await Task.WhenAll(calls);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Progress.Done($"{name}: offered {perSecond:F0}/s, answered {latencies.Count / seconds:F0}/s, p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms, {latencies.Failures} failed, {skipped} not sent (too many waiting)");
        return (latencies, latencies.Count / seconds);
    }
}

/// <summary>One line that rewrites itself while a phase runs, and stays when it ends.</summary>
public static class Progress
{
    public static void Say(string line) => Console.Write("\r" + line.PadRight(Math.Max(line.Length, 100)));

    public static void Done(string line) => Console.WriteLine("\r" + line.PadRight(Math.Max(line.Length, 100)));
}
