using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Workspace.Benchmarks;

/// <summary>What this machine can do at all, measured in the same run as the server: the figures' denominators.</summary>
public static class Limits
{
    /// <summary>Single-row transactions a second on a SQLite file with the server's pragmas (WAL, synchronous=FULL): the disk's durable commit rate.</summary>
    public static async Task<double> SqliteCommitsPerSecondAsync(string folder, TimeSpan duration)
    {
        var file = Path.Combine(folder, "limit.db");
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        var value = insert.Parameters.Add("$v", SqliteType.Text);
        var commits = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = (SqliteTransaction)transaction;
            value.Value = "a comment of about this length, written by one focal point";
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            commits++;
            if (commits % 200 == 0)
            {
                Progress.Say($"raw SQLite commits: {commits}");
            }
        }

        var perSecond = commits / Stopwatch.GetElapsedTime(started).TotalSeconds;
        Progress.Done($"raw SQLite commits (WAL, synchronous=FULL): {perSecond:F0}/s");
        return perSecond;
    }

    /// <summary>Requests a second to a trivial endpoint of Kestrel, from the same clients as the server's load.</summary>
    public static async Task<double> TrivialKestrelPerSecondAsync(int clients, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/ping", () => "ok");
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        using var http = new HttpClient { BaseAddress = address };
        var (_, perSecond) = await Load.RunAsync($"trivial Kestrel endpoint, {clients} clients", clients, duration,
            async _ => (await http.GetAsync(new Uri("/ping", UriKind.Relative))).EnsureSuccessStatusCode());
        await app.StopAsync();
        return perSecond;
    }
}
