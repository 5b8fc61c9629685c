using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workspace.Client;
using Workspace.Server;
using DatabaseProvider = Workspace.Server.DatabaseProvider;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel at a free loopback port, on its own SQLite file, seeded with the demo group,
/// with a fake clock. One per test class (IClassFixture); <see cref="RestartAsync"/> keeps the file.
/// With <see cref="Provider"/> PostgreSql (<see cref="PostgresHost"/>), the same on a PostgreSQL database of its
/// own in the run's <see cref="PostgresCluster"/>.
/// </summary>
public class WorkspaceHost : IAsyncLifetime
{
    public const string Password = "Test-password-2026";
    public const string Secretariat = "secretariat@unodc.demo";

    public static string FocalPoint(string agencyCode) => $"focal@{agencyCode.ToLowerInvariant()}.demo";

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset IssuedAt)> tokens = new();
    private readonly string directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where every host's fake clock starts.</summary>
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Every 500 the server answered while this host ran.</summary>
    public ServerFailures Failures { get; } = new();

    /// <summary>What the server logged, at the levels its settings let through.</summary>
    public LogCollector Logs { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath => Path.Combine(directory, "workspace.db");

    /// <summary>Settings a test class adds to the defaults, as <c>Section:Key</c> pairs.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>The folder of this host's files (the SQLite database, the chain keys, the anchor).</summary>
    public string Folder => directory;

    /// <summary>The database engine this host's server runs on.</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private PostgresCluster? cluster;
    private string postgresDatabase = "";

    /// <summary>The connection string of the server's database (the SQLite file's, or the PostgreSQL database's).</summary>
    public string ConnectionString => cluster is null ? $"Data Source={DatabasePath}" : cluster.ConnectionString(postgresDatabase);

    /// <summary>The PostgreSQL cluster this host's database is created in: the run's, unless a host needs one of its own.</summary>
    protected virtual Task<PostgresCluster> ClusterAsync() => PostgresCluster.Instance;

    /// <summary>
    /// Whether this host's server may start on a copy of a migrated and seeded database rather than migrating and
    /// seeding its own: true for hosts whose settings do not change what the database holds at start (the server
    /// then starts as after a restart: nothing to migrate, nothing to seed). A host that changes the seed, the
    /// group, the first sign-ins or the clock before its start says false.
    /// </summary>
    protected virtual bool StartsFromTemplate => GetType() == typeof(WorkspaceHost) || GetType() == typeof(PostgresHost);

    private bool isTemplate;

    public async Task InitializeAsync()
    {
        await StartingAsync();
        Directory.CreateDirectory(directory);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            cluster = await ClusterAsync();
        }

        if (StartsFromTemplate && !isTemplate && Clock.GetUtcNow() == Start)
        {
            var template = await Templates.GetOrAdd(Provider, provider => new Lazy<Task<Template>>(() => MakeTemplateAsync(provider))).Value;
            foreach (var file in Directory.EnumerateFiles(template.Folder))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }

            if (cluster is not null)
            {
                postgresDatabase = await cluster.CreateDatabaseAsync(template.Database);
            }
        }
        else if (cluster is not null)
        {
            postgresDatabase = await cluster.CreateDatabaseAsync();
        }

        await StartAsync();
        await StartedAsync();
    }

    private sealed record Template(string Folder, string? Database);

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<Template>>> Templates = new();

    /// <summary>
    /// A database migrated and seeded once per engine and test run, with the files beside it (chain keys, anchor),
    /// from which every host that may start on a copy does: its server was started and stopped on it, as a deploy leaves one.
    /// </summary>
    private static async Task<Template> MakeTemplateAsync(DatabaseProvider provider)
    {
        WorkspaceHost host = provider == DatabaseProvider.PostgreSql ? new PostgresHost { isTemplate = true } : new WorkspaceHost { isTemplate = true };
        await host.InitializeAsync();
        await host.App.StopAsync();
        await host.App.DisposeAsync();
        if (host.cluster is null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(host.ConnectionString));
        }
        else
        {
            Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(host.ConnectionString));
            await host.cluster.SealAsTemplateAsync(host.postgresDatabase);
        }

        Assert.True(host.Failures.All.Count == 0, "The template's server answered 500:\n" + string.Join("\n", host.Failures.All));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(host.directory, recursive: true);
            }
            catch (IOException)
            {
                // Under the temp path; the next run's cleanup is the system's.
            }
        };
        return new Template(host.directory, host.cluster is null ? null : host.postgresDatabase);
    }

    /// <summary>Before the server starts: parts of its own a host of some kind starts first (their addresses go in its settings).</summary>
    protected virtual Task StartingAsync() => Task.CompletedTask;

    /// <summary>After the server started at <see cref="BaseAddress"/>.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (cluster is not null)
        {
            await cluster.DropDatabaseAsync(postgresDatabase);
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection; the folder is under the temp path.
        }

        await DisposedAsync();
        Assert.True(Failures.All.Count == 0, "The server answered 500:\n" + string.Join("\n", Failures.All));
    }

    /// <summary>After the server stopped and its database was removed: what a host of its own kind must clean up.</summary>
    protected virtual Task DisposedAsync() => Task.CompletedTask;

    /// <summary>Stops the server and starts it again on the same database file and the same port, as a redeploy would.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        tokens.Clear();
        await StartAsync(BaseAddress);
    }

    private async Task StartAsync(Uri? address = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["environment"] = "Testing",
            ["urls"] = address is null ? "http://127.0.0.1:0" : address.GetLeftPart(UriPartial.Authority),
            ["Seed:Demo"] = "true",
            ["Seed:DemoPassword"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        settings["ConnectionStrings:Workspace"] = ConnectionString;
        if (cluster is not null)
        {
            // The chain keys and the anchor are files beside a SQLite database; with a database server, in this host's folder.
            settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSql);
            settings["Audit:KeyFile"] = Path.Combine(directory, "workspace.chain-keys");
            settings["Audit:AnchorFile"] = Path.Combine(directory, "workspace.anchor");
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var key in settings.Where(s => s.Value.Length == 0).Select(s => s.Key).ToList())
        {
            // An empty value in Settings removes the default, as a deployment that does not set it.
            settings.Remove(key);
        }

        App = WorkspaceApp.Create([.. settings.Select(s => $"--{s.Key}={s.Value}")], builder =>
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            builder.Logging.AddProvider(Failures);
            builder.Logging.AddProvider(Logs);
        });
        await App.StartAsync();
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>Changes the database behind the server's back, as someone with access to it could.</summary>
    public async Task<int> ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenDirectlyAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Waits until what follows from every committed event (notifications, mail in the outbox) is written, as a
    /// reader of their notifications waits: it is written just after commit, by the server's reactions.
    /// </summary>
    public async Task ReactionsDoneAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var done = await App.Services.GetRequiredService<Workspace.Server.Data.LogReactions>()
            .CaughtUpAsync(scope.ServiceProvider.GetRequiredService<Workspace.Server.Data.WorkspaceDb>(), TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(done, "The reactions to the committed events did not finish in 30 s.");
    }

    /// <summary>Reads one value from the database, as someone with access to it could.</summary>
    public async Task<object?> QueryScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenDirectlyAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A connection of its own to the server's database, beside the server's.</summary>
    public async Task<System.Data.Common.DbConnection> OpenDirectlyAsync()
    {
        System.Data.Common.DbConnection connection = cluster is null ? new SqliteConnection(ConnectionString) : new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// A command in SQL both engines read (identifiers in double quotes, parameters as <c>@name</c>); a parameter
    /// named for a Guid column takes the Guid as each engine stores it.
    /// </summary>
    private System.Data.Common.DbCommand Command(System.Data.Common.DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = cluster is null ? name : name.TrimStart('$', '@');
            parameter.Value = cluster is null && value is Guid id ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs the meeting reminder sweep now, as the server's jobs do, by the fake clock.</summary>
    public async Task<Workspace.Server.Features.Meetings.SweepMeetings.Result> SweepMeetingsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Workspace.Server.Features.Meetings.SweepMeetings.Command(null));
    }

    /// <summary>The bearer token of <paramref name="email"/>, as the hub takes it.</summary>
    public async Task<string> TokenFor(string email) =>
        (await ClientFor(email)).Http.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>A live connection of <paramref name="email"/> to this host's hub, started and caught up.</summary>
    public async Task<WorkspaceLiveConnection> LiveFor(string email, long afterSeq = 0)
    {
        var token = await TokenFor(email);
        var live = new WorkspaceLiveConnection(BaseAddress, () => Task.FromResult<string?>(token), afterSeq);
        await live.StartAsync();
        return live;
    }

    /// <summary>A client with no sign-in.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A typed client signed in as <paramref name="email"/> (tokens are cached per host).</summary>
    public async Task<WorkspaceClient> ClientFor(string email)
    {
        var client = new WorkspaceClient(Anonymous());
        // Tokens expire by the fake clock: one older than half an hour of it is renewed.
        if (tokens.TryGetValue(email, out var cached) && Clock.GetUtcNow() - cached.IssuedAt < TimeSpan.FromMinutes(30))
        {
            client.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", cached.Token);
            return client;
        }

        var signedIn = await client.SignInAsync(email, Password);
        tokens[email] = (signedIn.AccessToken, Clock.GetUtcNow());
        return client;
    }

    public async Task<HttpClient> HttpFor(string email) => (await ClientFor(email)).Http;

    /// <summary>Closes the consultations whose deadline came, as the server's jobs do, by the fake clock.</summary>
    public async Task<int> CloseConsultationsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Workspace.Server.Features.Consultations.CloseConsultations.Command(null))).Closed;
    }

    /// <summary>Runs the deadline sweep now, as the server's jobs do, by the fake clock.</summary>
    public async Task<Workspace.Server.Features.Papers.SweepDeadlines.Result> SweepDeadlinesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Workspace.Server.Features.Papers.SweepDeadlines.Command(null));
    }
}
