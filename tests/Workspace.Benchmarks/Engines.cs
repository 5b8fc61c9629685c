using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Benchmarks;

/// <summary>
/// Command throughput on each engine (<c>--engines</c>): SQLite with its one node, PostgreSQL with one node and
/// with two nodes on the same database, the same writers and the same commands, each beside the engine's own
/// raw commit rate on this machine. PostgreSQL is Debian's, in a throwaway cluster of this run with its
/// durable defaults (fsync, synchronous_commit on).
/// </summary>
public static class Engines
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public sealed record Point(string Setup, string Command, double PerSecond, double P50, double P99, int Failed, double ServerCpuMsPerCommand,
        double LockWaitMs, string Limit, double LimitPerSecond);

    public static async Task<int> RunAsync(Options options, string folder, TimeSpan duration)
    {
        var cluster = await PostgresCluster.StartAsync(durable: true);
        try
        {
            var sqliteLimit = await Limits.SqliteCommitsPerSecondAsync(folder, duration);
            var postgresLimit = await PostgresCommitsPerSecondAsync(cluster, options.Writers, duration);
            var points = new List<Point>();
            points.AddRange(await MeasureAsync("SQLite, 1 node", options, duration, [await LoadSeed.StartServerAsync(Path.Combine(folder, "sqlite"))],
                "raw SQLite commits", sqliteLimit));

            var one = await cluster.CreateDatabaseAsync();
            points.AddRange(await MeasureAsync("PostgreSQL, 1 node", options, duration,
                [await LoadSeed.StartServerAsync(Path.Combine(folder, "pg-one"), Settings(cluster, one, folder))], "raw PostgreSQL commits", postgresLimit));

            var two = await cluster.CreateDatabaseAsync();
            var first = await LoadSeed.StartServerAsync(Path.Combine(folder, "pg-two-a"), Settings(cluster, two, folder));
            var second = await LoadSeed.StartServerAsync(Path.Combine(folder, "pg-two-b"), Settings(cluster, two, folder));
            points.AddRange(await MeasureAsync("PostgreSQL, 2 nodes", options, duration, [first, second], "raw PostgreSQL commits", postgresLimit));
            Write(points, options);
            return 0;
        }
        finally
        {
            cluster.Stop();
        }
    }

    private static Dictionary<string, string> Settings(PostgresCluster cluster, string database, string folder) => new()
    {
        ["Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Workspace"] = cluster.ConnectionString(database),
        ["Audit__KeyFile"] = Path.Combine(folder, database + ".chain-keys"),
    };

    /// <summary>Comments, then sign-offs, by the same writers spread over the nodes; the nodes are stopped after.</summary>
    private static async Task<List<Point>> MeasureAsync(string setup, Options options, TimeSpan duration, ServerProcess[] nodes, string limit, double limitPerSecond)
    {
        try
        {
            var secretariat = await LoadSeed.SignInAsync(nodes[0], "secretariat@unodc.demo");
            var agencies = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
            var papers = new Guid[Math.Min(options.Papers, 100)];
            var hashes = new string[papers.Length];
            await LoadSeed.PapersInSignOffAsync(secretariat, agencies, 0, papers.Length, papers, hashes, setup);
            var writers = new List<WorkspaceClient>();
            foreach (var (code, i) in agencies.Where(c => c != "UNODC").Take(options.Writers).Select((c, i) => (c, i)))
            {
                writers.Add(await LoadSeed.SignInAsync(nodes[i % nodes.Length], $"focal@{code.ToLowerInvariant()}.demo"));
            }

            double Cpu() => nodes.Sum(n => ServerResources.Read(n.Process!).CpuSeconds);

            // The time commands waited for their turn under the database's write lock, from each node's metrics.
            async Task<(double Seconds, double Count)> LockWaitAsync()
            {
                var (seconds, count) = (0.0, 0.0);
                foreach (var node in nodes)
                {
                    var text = await secretariat.Http.GetStringAsync(new Uri(node.BaseAddress, "/metrics"));
                    seconds += Prometheus.Sum(text, "workspace_write_lock_wait_seconds_sum");
                    count += Prometheus.Sum(text, "workspace_write_lock_wait_seconds_count");
                }

                return (seconds, count);
            }

            async Task<double> MeanWaitSinceAsync((double Seconds, double Count) before)
            {
                var after = await LockWaitAsync();
                return after.Count > before.Count ? (after.Seconds - before.Seconds) * 1000 / (after.Count - before.Count) : double.NaN;
            }

            var points = new List<Point>();
            var waits = await LockWaitAsync();
            var cpu = Cpu();
            var (comments, commentsPerSecond) = await Load.RunAsync($"{setup}: comments, {writers.Count} writers", writers.Count, duration,
                writer => writers[writer].AddCommentAsync(papers[writer % papers.Length], 1, "A comment from the load: paragraph 3 needs a source."));
            points.Add(Measured(setup, "comments", commentsPerSecond, comments, Cpu() - cpu, await MeanWaitSinceAsync(waits), limit, limitPerSecond));

            var turns = new int[writers.Count];
            waits = await LockWaitAsync();
            cpu = Cpu();
            var (signOffs, signOffsPerSecond) = await Load.RunAsync($"{setup}: sign-offs, {writers.Count} writers", writers.Count, duration, writer =>
            {
                var k = (turns[writer]++ * writers.Count + writer) % papers.Length;
                return writers[writer].SignOffAsync(papers[k], 1, hashes[k], "Approve");
            });
            points.Add(Measured(setup, "sign-offs", signOffsPerSecond, signOffs, Cpu() - cpu, await MeanWaitSinceAsync(waits), limit, limitPerSecond));
            return points;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static Point Measured(string setup, string command, double perSecond, Latencies latencies, double cpuSeconds, double lockWaitMs, string limit, double limitPerSecond) =>
        new(setup, command, perSecond, latencies.Percentile(50), latencies.Percentile(99), latencies.Failures,
            cpuSeconds * 1000 / Math.Max(1, latencies.Count + latencies.Failures + (perSecond * Load.WarmUp.TotalSeconds)), lockWaitMs, limit, limitPerSecond);

    /// <summary>Single-row transactions a second from as many connections as writers, on PostgreSQL's durable defaults.</summary>
    private static async Task<double> PostgresCommitsPerSecondAsync(PostgresCluster cluster, int connections, TimeSpan duration)
    {
        var database = await cluster.CreateDatabaseAsync();
        var connectionString = cluster.ConnectionString(database);
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE t (id bigserial PRIMARY KEY, v text NOT NULL)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var commits = 0L;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, connections, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (_, ct) =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var insert = new NpgsqlCommand("INSERT INTO t (v) VALUES (@v)", connection);
            insert.Parameters.AddWithValue("v", "a comment of about this length, written by one focal point");
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
                Interlocked.Increment(ref commits);
            }
        });
        var perSecond = commits / Stopwatch.GetElapsedTime(started).TotalSeconds;
        Progress.Done($"raw PostgreSQL commits ({connections} connections, fsync, synchronous_commit on): {perSecond:F0}/s");
        return perSecond;
    }

    private static void Write(List<Point> points, Options options)
    {
        var target = Repository.Folder(options.Out);
        File.WriteAllText(Path.Combine(target, "engines.json"), JsonSerializer.Serialize(points, Json));
        var table = $"{options.Writers} writers, {options.Seconds} s a phase, {Environment.ProcessorCount} cores; server and database on this one machine.\n\n"
            + "| setup | command | per second | p50 | p99 | failed | server CPU per command (all nodes) | mean wait for the database's write lock | engine's raw commits (same run) | ratio |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            + string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"| {p.Setup} | {p.Command} | {p.PerSecond:F0} | {p.P50:F1} ms | {p.P99:F1} ms | {p.Failed} | {p.ServerCpuMsPerCommand:F2} ms | {(double.IsNaN(p.LockWaitMs) ? "–" : $"{p.LockWaitMs:F2} ms")} | {p.Limit}: {p.LimitPerSecond:F0}/s | {p.PerSecond / p.LimitPerSecond:F2} |\n")));
        File.WriteAllText(Path.Combine(target, "engines.md"), table);
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"Written to {target}/engines.json and engines.md");
    }
}
