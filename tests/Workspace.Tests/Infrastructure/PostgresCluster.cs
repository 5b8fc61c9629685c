using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster of Debian's <c>postgresql</c> package: <c>initdb</c> into a temporary folder,
/// <c>pg_ctl</c> on a free loopback port, removed when the test run ends. One per test run; each test class
/// gets a database of its own (<see cref="CreateDatabaseAsync"/>). No Docker. As root, the server runs as the
/// <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgresCluster
{
    private const string Prefix = "workspace-pg-";

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(() => StartAsync(durable: false));

    private PostgresCluster(string folder, int port, bool asPostgresUser, string serverOptions) =>
        (Folder, Port, this.asPostgresUser, this.serverOptions) = (folder, port, asPostgresUser, serverOptions);

    private readonly bool asPostgresUser;
    private readonly string serverOptions;

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static Task<PostgresCluster> Instance => Shared.Value;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "workspace", Database = database, Pooling = true }.ConnectionString;

    /// <summary>
    /// Starts a cluster. Tests run without fsync (what is measured is behaviour, and a crash of the test machine
    /// loses nothing of value); the benchmark asks for a durable one.
    /// </summary>
    public static async Task<PostgresCluster> StartAsync(bool durable)
    {
        var bin = FindBin();
        RemoveStopped();
        var folder = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        var asPostgres = Environment.UserName == "root";
        await RunAsync(bin, asPostgres, "initdb", "-D", folder, "-U", "workspace", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB"
            + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var cluster = new PostgresCluster(folder, port, asPostgres, options);
        await cluster.StartServerAsync();
        // The test host may be ended soon after it says it is done: the stop and the removal run on in a shell of their own.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopInBackground();
        return cluster;
    }

    /// <summary>Starts the server (again) on the cluster's folder and port.</summary>
    public Task StartServerAsync() =>
        RunAsync(FindBin(), asPostgresUser, "pg_ctl", "-D", Folder, "-l", Path.Combine(Folder, "server.log"), "-o", serverOptions, "-w", "start");

    /// <summary>Stops the server, keeping its data, as an outage of the database would.</summary>
    public Task StopServerAsync() => RunAsync(FindBin(), asPostgresUser, "pg_ctl", "-D", Folder, "-m", "fast", "-w", "stop");

    /// <summary>A new database, empty or a copy of <paramref name="template"/> (which nobody may be connected to); its name.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "ws_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}" + (template is null ? "" : $" TEMPLATE {template}"), connection);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>
    /// Makes <paramref name="name"/> a template nobody connects to any more: a copy is made only of a database no
    /// session is using, and a server's last connections may still be closing.
    /// </summary>
    public async Task SealAsTemplateAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var seal = new NpgsqlCommand(
            $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true; SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}'",
            connection);
        await seal.ExecuteNonQueryAsync();
        await using var left = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{name}'", connection);
        for (var attempt = 0; attempt < 100 && (long)(await left.ExecuteScalarAsync())! > 0; attempt++)
        {
            // Terminated sessions end a moment later.
            await Task.Delay(50);
        }
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private void StopInBackground()
    {
        var script = $"'{Path.Combine(FindBin(), "pg_ctl")}' -D '{Folder}' -m immediate stop >/dev/null 2>&1; rm -rf '{Folder}'";
        Process.Start(asPostgresUser ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", "sh", "-c", script]) : new ProcessStartInfo("sh", ["-c", script]))?.Dispose();
    }

    /// <summary>Stops the server at once and removes its folder.</summary>
    public void Stop()
    {
        try
        {
            RunAsync(FindBin(), asPostgresUser, "pg_ctl", "-D", Folder, "-m", "immediate", "stop").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Remove(Folder);
    }

    /// <summary>
    /// Folders of earlier runs whose server is no longer running (a run killed before it could clean up): an hour
    /// old at least, so that a cluster another run (or this one) is creating right now is never touched.
    /// </summary>
    private static void RemoveStopped()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (!File.Exists(Path.Combine(folder, "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
            {
                Remove(folder);
            }
        }
    }

    private static void Remove(string folder)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file the stopping server was still writing: once more.
                Thread.Sleep(100);
            }
        }
    }

    private static string FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        return versions.Count > 0 ? Path.Combine(versions[0], "bin")
            : throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql, as .ci/run does.");
    }

    private static async Task RunAsync(string bin, bool asPostgres, string tool, params string[] arguments)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
            : new ProcessStartInfo(Path.Combine(bin, tool), arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
