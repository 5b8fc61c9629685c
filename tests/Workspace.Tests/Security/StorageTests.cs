using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>A database allowed to grow only a little past its demo data, as a nearly full disk.</summary>
public sealed class NearlyFullHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Storage:MaxDatabaseMegabytes", "3")];
}

public sealed class StorageTests(NearlyFullHost host) : IClassFixture<NearlyFullHost>
{
    [Fact]
    public async Task A_full_disk_answers_503_with_retry_after_reports_unhealthy_changes_nothing_and_recovers_when_space_is_freed()
    {
        var (paper, revision) = await DraftAsync(host, "Filling the disk");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var big = new string('x', 390_000);
        var latest = revision.Number;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = latest, body = big + i });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                latest++;
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        await ProblemAssert.IsProblem(refused, HttpStatusCode.ServiceUnavailable, "storage-unavailable");

        // Smaller writes still fit for a while; fill what is left until they do not either, down to small ones, so
        // that not even the health check's probe row fits.
        var comments = 0;
        foreach (var size in new[] { 9_000, 2_000, 500 })
        {
            while ((await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = latest, text = new string('c', size) })).StatusCode == HttpStatusCode.Created)
            {
                Assert.True(++comments < 2000, "The quota never filled up.");
            }
        }

        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(latest, (await ilo.GetPaperAsync(paper.Id)).LatestRevision!.Number);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/members")).StatusCode);

        // Space is freed (here: the filler texts removed behind the server's back); everything works again by itself.
        await host.ExecuteSqlAsync("UPDATE Revisions SET Body = '' WHERE PaperId = @id AND Number > 1", ("@id", paper.Id.ToString().ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(latest + 1, (await ilo.AddRevisionAsync(paper.Id, latest, "# Filling the disk\n\nShorter now.\n")).Number);
    }

    [Fact]
    public async Task A_database_on_read_only_storage_starts_serves_reads_and_answers_writes_503()
    {
        var copy = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "read-only-copy.db");
        await using (var source = new SqliteConnection($"Data Source={host.DatabasePath}"))
        await using (var target = new SqliteConnection($"Data Source={copy}"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        SqliteConnection.ClearAllPools();
        await using var app = WorkspaceApp.Create([
            "--environment=Testing", "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Workspace=Data Source={copy};Mode=ReadOnly",
            // A second server beside the running one: an anchor of its own (a shared one refuses the start).
            $"--Audit:AnchorFile={copy}.anchor", "--Seed:Demo=false", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/members")).StatusCode);
        var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.Secretariat, password = WorkspaceHost.Password });
        await ProblemAssert.IsProblem(login, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.NotNull(login.Headers.RetryAfter);
        await app.StopAsync();
    }
}
