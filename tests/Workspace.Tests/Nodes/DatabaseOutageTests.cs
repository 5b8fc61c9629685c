using System.Net;
using System.Net.Http.Json;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Nodes;

/// <summary>A server on a PostgreSQL cluster of its own, which the test stops and starts again.</summary>
public sealed class OwnClusterHost : PostgresHost
{
    public PostgresCluster Cluster { get; private set; } = null!;

    protected override async Task<PostgresCluster> ClusterAsync() => Cluster = await PostgresCluster.StartAsync(durable: false);

    protected override Task DisposedAsync()
    {
        Cluster.Stop();
        return Task.CompletedTask;
    }
}

public sealed class DatabaseOutageTests(OwnClusterHost host) : IClassFixture<OwnClusterHost>
{
    [Fact]
    public async Task A_node_that_loses_its_database_answers_503_and_recovers_by_itself_when_it_returns()
    {
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);

        await host.Cluster.StopServerAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/healthz")).StatusCode);
            var refused = await ilo.PostAsJsonAsync("/api/papers", new { title = "During the outage", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } });
            await ProblemAssert.IsProblem(refused, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            await host.Cluster.StartServerAsync();
        }

        // Connections broken by the outage are dropped from the pool as they are found: a few requests at most.
        var health = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 5 && health != HttpStatusCode.OK; attempt++)
        {
            health = (await anonymous.GetAsync("/healthz")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, health);
        var created = await ilo.PostAsJsonAsync("/api/papers", new { title = "After the outage", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await (await host.ClientFor(WorkspaceHost.Secretariat)).VerifyAuditAsync()).Ok);
    }
}
