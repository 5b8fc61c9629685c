using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Nodes;

/// <summary>
/// Two nodes on a database that takes few connections: each node's pools are bounded by
/// <c>Database:MaxPoolSize</c>, so a burst waits for its turn at a connection instead of being refused. The
/// database's role may hold 24 connections; two nodes at a pool of 5 need at most 2 × (5 + 5 + 1) = 22.
/// </summary>
public sealed class ConnectionBudgetTests : IAsyncLifetime
{
    private const int RoleLimit = 24;
    private const int PoolSize = 5;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-nodes", Guid.NewGuid().ToString("N"));
    private PostgresCluster cluster = null!;
    private string role = "";
    private string database = "";
    private ServerProcess first = null!;
    private ServerProcess second = null!;

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.Instance;
        role = "burst_" + Guid.NewGuid().ToString("N")[..12];
        database = "ws_" + Guid.NewGuid().ToString("N")[..16];
        // A role of its own, not a superuser (the limit binds only others), owning the database it migrates.
        await ExecuteAsync($"CREATE ROLE {role} LOGIN CONNECTION LIMIT {RoleLimit}", $"CREATE DATABASE {database} OWNER {role}");
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(database)) { Username = role }.ConnectionString;
        first = Node("first", connectionString);
        second = Node("second", connectionString);
        var started = await Task.WhenAll(first.StartAsync(), second.StartAsync());
        Assert.True(started.All(exit => exit is null), $"A node did not start: {first.Errors}{second.Errors}");
    }

    private ServerProcess Node(string name, string connectionString) => new(Path.Combine(folder, name))
    {
        Environment =
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__MaxPoolSize"] = PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings__Workspace"] = connectionString,
            ["Audit__KeyFile"] = Path.Combine(folder, "shared.chain-keys"),
        },
    };

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await cluster.DropDatabaseAsync(database);
        await ExecuteAsync($"DROP ROLE IF EXISTS {role}");
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_burst_of_200_comments_across_two_nodes_is_answered_in_full_within_the_connections_the_database_allows()
    {
        var lead = await TwoNodes.ClientAsync(first.BaseAddress, WorkspaceHost.FocalPoint("ILO"));
        var paper = await lead.CreatePaperAsync("Commented in a burst", "JointStatement", "ILO", ["IOM", "UNHCR", "UNICEF"]);
        await lead.AddRevisionAsync(paper.Id, 0, "# Commented in a burst\n\nA text.\n");
        var writers = await Task.WhenAll(new[] { ("ILO", first), ("IOM", second), ("UNHCR", first), ("UNICEF", second) }
            .Select(async w => (Agency: w.Item1, Client: await TwoNodes.ClientAsync(w.Item2.BaseAddress, WorkspaceHost.FocalPoint(w.Item1)))));
        var peak = 0L;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                peak = Math.Max(peak, (long)(await ScalarAsync($"SELECT count(*) FROM pg_stat_activity WHERE usename = '{role}'"))!);
                await Task.Delay(20, CancellationToken.None);
            }
        });

        var answers = await Task.WhenAll(writers.SelectMany(w => Enumerable.Range(0, 50).Select(i =>
            w.Client.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = 1, text = $"{w.Agency}, comment {i}" }, WorkspaceClient.Json))));
        await watching.CancelAsync();
        await watcher;

        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).Select(a => (int)a.StatusCode).ToList();
        Assert.True(refused.Count == 0, $"{refused.Count} of 200 not acknowledged: {string.Join(", ", refused.Distinct())}\n{first.Errors}{second.Errors}");
        Assert.Equal(200, (await lead.AllPagesAsync<System.Text.Json.JsonElement>($"/api/papers/{paper.Id}/comments")).Count);
        Assert.InRange(peak, 2, RoleLimit);
        Assert.DoesNotContain("too many connections", first.Errors + second.Errors, StringComparison.OrdinalIgnoreCase);
        var secretariat = await TwoNodes.ClientAsync(second.BaseAddress, WorkspaceHost.Secretariat);
        Assert.True((await secretariat.VerifyAuditAsync()).Ok);
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
