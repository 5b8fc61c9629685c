using System.Net;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.Tests.Api;

/// <summary>The server exports its metrics all the time: Prometheus reads every request type's durations and how they ended.</summary>
public sealed class MetricsTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task Prometheus_reads_each_request_types_durations_with_how_they_ended_and_the_frameworks_own_metrics()
    {
        var (paper, revision) = await PaperScenario.DraftAsync(host, "Statement measured");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.AddCommentAsync(paper.Id, revision.Number, "Measured once.");
        var refused = await (await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"))).GetAsync(new Uri($"/api/papers/{paper.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var anonymous = host.Anonymous();
        var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = await response.Content.ReadAsStringAsync();

        Assert.Matches("workspace_request_duration_seconds_count\\{[^}]*kind=\"command\"[^}]*outcome=\"ok\"[^}]*request=\"AddComment\"[^}]*\\} [1-9]", scrape);
        Assert.Matches("workspace_request_duration_seconds_count\\{[^}]*kind=\"query\"[^}]*outcome=\"refused\"[^}]*request=\"GetPaper\"[^}]*\\} [1-9]", scrape);
        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", scrape, StringComparison.Ordinal);
    }
}
