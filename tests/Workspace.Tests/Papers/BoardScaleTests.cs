using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Domain;
using Workspace.Server.Domain.Papers;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Papers;

/// <summary>The secretariat's board over 500 papers × 30 agencies is three flat database queries (papers, their latest rounds, those rounds' agencies), not one per paper.</summary>
public sealed class BoardScaleTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private const int Papers = 500;

    private async Task SeedAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        db.Agencies.AddRange(Agency.Register("UNODA", "Office for Disarmament Affairs", Actor.System), Agency.Register("UNEP", "United Nations Environment Programme", Actor.System));
        await db.SaveChangesAsync();
        var codes = await db.Agencies.Select(a => a.Code).Take(30).ToListAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var lead = new Actor("focal@ilo.demo", "ILO");
        for (var i = 0; i < Papers; i++)
        {
            var paper = Paper.Create($"Scale paper {i:D3}", PaperKind.IssueBrief, "ILO", codes, null, lead, now);
            var revision = paper.AddRevision(0, $"Text {i}", lead, now);
            paper.OpenRound(1, Procedure.Silence, now.AddDays(10 + (i % 20)), lead, now, [48, 24]);
            db.Papers.Add(paper);
            db.Revisions.Add(revision);
        }

        await db.SaveChangesAsync();
        // The rounds' notices are written after commit; what is measured below is the board alone.
        await host.ReactionsDoneAsync();
    }

    [Fact]
    public async Task The_board_of_500_papers_by_30_agencies_is_read_in_three_queries_whatever_its_size()
    {
        await SeedAsync();
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);

        var commands = 0;
        // The live relay reads the event log on its own schedule, the mail delivery its outbox, every request's
        // token is checked against its session (one read by key), and the board reads the log's head (one row);
        // everything else is the board's.
        using var watch = ExecutedCommands.Watch(host.DatabasePath, command =>
        {
            if (!command.CommandText.Contains("\"EventLog\"", StringComparison.Ordinal)
                && !command.CommandText.Contains("FROM \"Sessions\"", StringComparison.Ordinal)
                && !command.CommandText.Contains("\"OutgoingMail\"", StringComparison.Ordinal)
                && !command.CommandText.Contains("FROM \"EventLogHead\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref commands);
            }
        });

        var answer = await secretariat.GetAsync(new Uri("/api/sign-off-status", UriKind.Relative));
        var board = await answer.Content.ReadFromJsonAsync<List<JsonElement>>();

        Assert.Equal(3, commands);
        // Nothing changed since: the same board is answered again without reading it, and a client holding it is told so.
        var again = await secretariat.GetStringAsync(new Uri("/api/sign-off-status", UriKind.Relative));
        Assert.Equal(3, commands);
        Assert.Equal(await answer.Content.ReadAsStringAsync(), again);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/sign-off-status");
        conditional.Headers.IfNoneMatch.Add(answer.Headers.ETag!);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await secretariat.SendAsync(conditional)).StatusCode);
        var scale = board!.Where(r => r.GetProperty("title").GetString()!.StartsWith("Scale paper", StringComparison.Ordinal)).ToList();
        Assert.Equal(Papers, scale.Count);
        Assert.All(scale, r => Assert.Equal(30, r.GetProperty("round").GetProperty("agencies").GetArrayLength()));
        var deadlines = scale.Select(r => r.GetProperty("round").GetProperty("deadline").GetDateTimeOffset()).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
    }

    [Fact]
    public async Task A_change_shows_on_the_next_read_of_the_board_and_its_etag_moves_on()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host, "Statement read twice", "Unanimous", TimeSpan.FromDays(3));
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var before = await secretariat.GetAsync(new Uri("/api/sign-off-status", UriKind.Relative));

        await PaperScenario.ApproveAsync(host, paper.Id, revision, "IOM");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/sign-off-status");
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await secretariat.SendAsync(conditional);
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var row = (await after.Content.ReadFromJsonAsync<List<JsonElement>>())!.Single(r => r.GetProperty("paperId").GetGuid() == paper.Id);
        Assert.Equal("Approved", row.GetProperty("round").GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agencyCode").GetString() == "IOM").GetProperty("status").GetString());

        // An agency's board is its own: IOM's holds the paper, UNICEF's does not.
        var unicef = await (await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"))).GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");
        Assert.DoesNotContain(unicef!, r => r.GetProperty("paperId").GetGuid() == paper.Id);
        var iom = await (await host.HttpFor(WorkspaceHost.FocalPoint("IOM"))).GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");
        Assert.Contains(iom!, r => r.GetProperty("paperId").GetGuid() == paper.Id);
    }
}
