using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Nodes;

/// <summary>
/// Two real server processes (the published entry point) on one PostgreSQL database of the run's cluster, as two
/// nodes behind a load balancer would run: the same chain key file, their own anchors, jobs looked for every second.
/// They are started together, so that preparing the empty database (migrations, roles, demo group) is tried by both at once.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-nodes", Guid.NewGuid().ToString("N"));
    private PostgresCluster cluster = null!;

    public string Database { get; private set; } = "";

    public string ConnectionString => cluster.ConnectionString(Database);

    public ServerProcess First { get; private set; } = null!;

    public ServerProcess Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.Instance;
        Database = await cluster.CreateDatabaseAsync();
        First = Node("first");
        Second = Node("second");
        var started = await Task.WhenAll(First.StartAsync(), Second.StartAsync());
        Assert.True(started.All(exit => exit is null), $"A node did not start: {First.Errors}{Second.Errors}");
    }

    private ServerProcess Node(string name) => new(Path.Combine(folder, name))
    {
        Environment =
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Workspace"] = cluster.ConnectionString(Database),
            ["Audit__KeyFile"] = Path.Combine(folder, "shared.chain-keys"),
            ["Jobs__SchedulePollingInterval"] = "00:00:01",
        },
    };

    public static async Task<WorkspaceClient> ClientAsync(Uri node, string email)
    {
        var client = new WorkspaceClient(new HttpClient { BaseAddress = node });
        await client.SignInAsync(email, WorkspaceHost.Password);
        return client;
    }

    /// <summary>A live connection straight over WebSockets (no negotiation, so any node may take it).</summary>
    public static async Task<WorkspaceLiveConnection> LiveAsync(Uri node, WorkspaceClient signedIn, long afterSeq)
    {
        var token = signedIn.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var live = new WorkspaceLiveConnection(node, () => Task.FromResult<string?>(token), afterSeq, options =>
        {
            options.SkipNegotiation = true;
            options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
        });
        await live.StartAsync();
        return live;
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await cluster.DropDatabaseAsync(Database);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
