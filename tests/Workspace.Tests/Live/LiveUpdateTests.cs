using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Client;
using Workspace.Server.Live;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Live;

public class LiveHost : WorkspaceHost
{
    public const string Intranet = "https://intranet.example";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Live:AllowedOrigins", Intranet)];
}

public sealed class LiveHostOnPostgres : LiveHost
{
    public override Workspace.Server.DatabaseProvider Provider => Workspace.Server.DatabaseProvider.PostgreSql;
}

public sealed class LiveUpdateTestsOnSqlite(LiveHost host) : LiveUpdateTests<LiveHost>(host);

public sealed class LiveUpdateTestsOnPostgres(LiveHostOnPostgres host) : LiveUpdateTests<LiveHostOnPostgres>(host);

public abstract class LiveUpdateTests<THost>(THost host) : IClassFixture<THost>
    where THost : LiveHost
{
    private async Task<long> HeadAsync() => (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadAllEventsAsync()).Max(e => e.Seq);

    private async Task<WorkingGroup> MarkerAsync(string name) =>
        await (await host.ClientFor(WorkspaceHost.Secretariat)).CreateWorkingGroupAsync(name, "ILO", []);

    private static Func<WorkspaceEvent, bool> IsMarker(WorkingGroup marker) => e => e.Subject.Id == marker.Id.ToString();

    [Fact]
    public async Task A_participant_sees_a_change_live_and_a_non_participant_never_does()
    {
        var head = await HeadAsync();
        await using var iom = await host.LiveFor(WorkspaceHost.FocalPoint("IOM"), head);
        await using var who = await host.LiveFor(WorkspaceHost.FocalPoint("WHO"), head);

        var (paper, _) = await DraftAsync(host, "Live draft");
        var marker = await MarkerAsync("Live marker 1");

        var seenByIom = await iom.Events.ReadUntilAsync(IsMarker(marker));
        Assert.Contains(seenByIom, e => e.Type == "paper.created" && e.Subject.Id == paper.Id.ToString());
        Assert.Contains(seenByIom, e => e.Type == "paper.revision-added" && e.Subject.Id == paper.Id.ToString());

        // The marker comes after the paper's events in the log: had WHO been sent them, they would be here.
        var seenByWho = await who.Events.ReadUntilAsync(IsMarker(marker));
        Assert.DoesNotContain(seenByWho, e => e.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await (await host.ClientFor(WorkspaceHost.FocalPoint("WHO"))).ReadEventsAsync(head, 1000), e => e.Subject.Id == paper.Id.ToString());
    }

    [Fact]
    public async Task Events_arrive_in_order_each_once_and_as_the_log_has_them()
    {
        var head = await HeadAsync();
        await using var ilo = await host.LiveFor(WorkspaceHost.FocalPoint("ILO"), head);

        var (paper, revision) = await InSignOffAsync(host, "Ordered statement", "Unanimous", TimeSpan.FromDays(3));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        var marker = await MarkerAsync("Live marker 2");

        var live = await ilo.Events.ReadUntilAsync(IsMarker(marker));
        var logged = (await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).ReadEventsAsync(head, 1000)).TakeWhile(e => e.Seq <= live[^1].Seq).ToList();
        Assert.Equal(logged.Select(e => (e.Seq, e.Type)), live.Select(e => (e.Seq, e.Type)));
        Assert.Equal(live.Select(e => e.Seq).Distinct().Order(), live.Select(e => e.Seq));
        Assert.Contains(live, e => e.Type == "paper.state-changed" && e.Data.GetProperty("to").GetString() == "SignedOff");
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_seq_gets_what_it_missed_once()
    {
        var head = await HeadAsync();
        var first = await host.LiveFor(WorkspaceHost.FocalPoint("UNHCR"), head);
        var before = await MarkerAsync("Before the drop");
        await first.Events.ReadUntilAsync(IsMarker(before));
        var lastSeq = first.LastSeq;
        await first.DisposeAsync();

        var (paper, _) = await DraftAsync(host, "Written while away");
        var after = await MarkerAsync("After the drop");

        await using var second = await host.LiveFor(WorkspaceHost.FocalPoint("UNHCR"), lastSeq);
        var caughtUp = await second.Events.ReadUntilAsync(IsMarker(after));
        Assert.Contains(caughtUp, e => e.Type == "paper.created" && e.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(caughtUp, e => e.Seq <= lastSeq);
        Assert.Equal(caughtUp.Select(e => e.Seq).Distinct().Order(), caughtUp.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_by_itself_and_misses_nothing()
    {
        var head = await HeadAsync();
        await using var live = await host.LiveFor(WorkspaceHost.FocalPoint("ILO"), head);
        var connections = host.App.Services.GetRequiredService<LiveConnections>();

        var beforeDrop = await MarkerAsync("Before the server drops it");
        var received = await live.Events.ReadUntilAsync(IsMarker(beforeDrop));
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Resumed += _ => reconnected.TrySetResult();
        connections.Find(live.ConnectionId!)!.Drop();

        var (paper, _) = await DraftAsync(host, "Written during the reconnect");
        var afterDrop = await MarkerAsync("After the server dropped it");
        received.AddRange(await live.Events.ReadUntilAsync(IsMarker(afterDrop)));

        await reconnected.Task.WaitAsync(LiveStream.Patience);
        Assert.Contains(received, e => e.Type == "paper.created" && e.Subject.Id == paper.Id.ToString());
        var logged = (await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).ReadEventsAsync(head, 1000)).TakeWhile(e => e.Seq <= received[^1].Seq);
        Assert.Equal(logged.Select(e => e.Seq), received.Select(e => e.Seq));
    }

    [Fact]
    public async Task Catching_up_on_more_than_one_page_delivers_every_event_once_in_order()
    {
        var head = await HeadAsync();
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Workspace.Server.Data.WorkspaceDb>();
            var agency = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Agencies, a => a.Code == "UNU");
            for (var i = 0; i < 2500; i++)
            {
                agency.UpdateProfile($"Mandate {i}", [], Workspace.Server.Domain.Actor.System);
            }

            await db.SaveChangesAsync();
        }

        var marker = await MarkerAsync("After 2,500 updates");
        await using var live = await host.LiveFor(WorkspaceHost.FocalPoint("WHO"), head);
        var received = await live.Events.ReadUntilAsync(IsMarker(marker));

        Assert.Equal(2500, received.Count(e => e.Type == "agency.profile-updated" && e.Subject.Id == "UNU"));
        Assert.Equal(received.Select(e => e.Seq).Distinct().Order(), received.Select(e => e.Seq));
        Assert.Equal("Mandate 2499", received.Last(e => e.Subject.Id == "UNU").Data.GetProperty("mandate").GetString());
    }

    [Fact]
    public async Task The_plain_signalr_client_receives_the_event_envelope()
    {
        var token = await host.TokenFor(WorkspaceHost.FocalPoint("OHCHR"));
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/workspace"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var received = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<System.Text.Json.JsonElement>("event", e =>
        {
            if (e.GetProperty("type").GetString() == "working-group.created" && e.GetProperty("data").GetProperty("name").GetString() == "Plain client marker")
            {
                received.TrySetResult(e);
            }
        });
        await connection.StartAsync();

        await MarkerAsync("Plain client marker");
        var envelope = await received.Task.WaitAsync(LiveStream.Patience);
        Assert.True(envelope.GetProperty("seq").GetInt64() > 0);
        Assert.Equal("working-group", envelope.GetProperty("subject").GetProperty("kind").GetString());
        Assert.Equal(WorkspaceHost.Secretariat, envelope.GetProperty("actor").GetString());
        Assert.True(envelope.TryGetProperty("occurredAt", out _));
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData(LiveHost.Intranet, HttpStatusCode.OK)]
    public async Task A_browser_page_from_another_origin_may_not_open_the_hub_unless_configured(string origin, HttpStatusCode expected)
    {
        var http = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/workspace/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        var response = await http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "origin-not-allowed");
        }
    }

    [Fact]
    public async Task The_servers_own_origin_may_open_the_hub()
    {
        var http = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/workspace/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }
}

/// <summary>Restarts its host, so it has one of its own.</summary>
public sealed class LiveRestartTestsOnSqlite(WorkspaceHost host) : LiveRestartTests<WorkspaceHost>(host);

public sealed class LiveRestartTestsOnPostgres(PostgresHost host) : LiveRestartTests<PostgresHost>(host);

public abstract class LiveRestartTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task A_live_client_survives_a_server_restart_and_misses_nothing()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var head = (await secretariat.ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        await using var live = await host.LiveFor(WorkspaceHost.FocalPoint("IOM"), head);
        var beforeRestart = await secretariat.CreateWorkingGroupAsync("Before the restart", "IOM", []);
        await live.Events.ReadUntilAsync(e => e.Subject.Id == beforeRestart.Id.ToString());

        await host.RestartAsync();
        var (paper, _) = await DraftAsync(host, "Written after the restart");
        secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var afterRestart = await secretariat.CreateWorkingGroupAsync("After the restart", "IOM", []);

        var received = await live.Events.ReadUntilAsync(e => e.Subject.Id == afterRestart.Id.ToString());
        Assert.Contains(received, e => e.Type == "paper.created" && e.Subject.Id == paper.Id.ToString());
        Assert.Equal(received.Select(e => e.Seq).Distinct().Order(), received.Select(e => e.Seq));
        Assert.Equal(HubConnectionState.Connected, live.State);
    }
}
