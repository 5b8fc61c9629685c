using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Live;

namespace Workspace.Tests.Nodes;

/// <summary>
/// Two server processes on one PostgreSQL database: commands on either node keep the log's promises (seq in
/// commit order with no gap, one hash chain), every node's clients see every event, a client whose node dies
/// resumes on the other, and timed work is done once between the nodes.
/// </summary>
public sealed class SeveralNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static Func<WorkspaceEvent, bool> IsMarker(WorkingGroup marker) => e => e.Subject.Id == marker.Id.ToString();

    [Fact]
    public async Task Writers_on_both_nodes_at_once_reach_a_client_on_each_node_every_event_once_in_seq_order()
    {
        var secretariatOnFirst = await TwoNodes.ClientAsync(nodes.First.BaseAddress, WorkspaceHost.Secretariat);
        var secretariatOnSecond = await TwoNodes.ClientAsync(nodes.Second.BaseAddress, WorkspaceHost.Secretariat);
        var head = (await secretariatOnFirst.ReadAllEventsAsync()).Max(e => e.Seq);
        await using var onFirst = await TwoNodes.LiveAsync(nodes.First.BaseAddress, secretariatOnFirst, head);
        await using var onSecond = await TwoNodes.LiveAsync(nodes.Second.BaseAddress, secretariatOnSecond, head);

        var ilo = await TwoNodes.ClientAsync(nodes.First.BaseAddress, WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Written on two nodes", "JointStatement", "ILO", ["IOM", "UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Written on two nodes\n\nA text.\n");
        var writers = new[] { ("ILO", nodes.First), ("IOM", nodes.First), ("IOM", nodes.Second), ("UNHCR", nodes.Second) }
            .Select(async w =>
            {
                var client = await TwoNodes.ClientAsync(w.Item2.BaseAddress, WorkspaceHost.FocalPoint(w.Item1));
                for (var i = 0; i < 15; i++)
                {
                    await client.AddCommentAsync(paper.Id, 1, $"{w.Item1} on {Path.GetFileName(w.Item2.Directory)}, comment {i}");
                }
            });
        await Task.WhenAll(writers);
        var marker = await secretariatOnSecond.CreateWorkingGroupAsync("After the writers", "ILO", []);

        var seenOnFirst = await onFirst.Events.ReadUntilAsync(IsMarker(marker));
        var seenOnSecond = await onSecond.Events.ReadUntilAsync(IsMarker(marker));
        var throughMarker = (await secretariatOnSecond.ReadAllEventsAsync(head)).Select(e => e.Seq).TakeWhile(seq => seq <= seenOnFirst[^1].Seq).ToList();

        // 60 comments, the paper, its revision and the marker: with no gap, each once, in order, on both nodes.
        Assert.Equal(Enumerable.Range(1, throughMarker.Count).Select(i => head + i), throughMarker);
        Assert.True(throughMarker.Count >= 63, $"{throughMarker.Count} events");
        Assert.Equal(throughMarker, seenOnFirst.Select(e => e.Seq));
        Assert.Equal(throughMarker, seenOnSecond.Select(e => e.Seq));
        Assert.Equal(60, seenOnFirst.Count(e => e.Type == "paper.comment-added"));
        Assert.True((await secretariatOnFirst.VerifyAuditAsync()).Ok);
        Assert.True((await secretariatOnSecond.VerifyAuditAsync()).Ok);
    }

    [Fact]
    public async Task Changes_on_both_nodes_tell_each_person_once_whichever_node_they_read_on()
    {
        // Both nodes' relays follow the log and may prepare the same notices; the one that moves the checkpoint keeps them.
        var onFirst = await TwoNodes.ClientAsync(nodes.First.BaseAddress, WorkspaceHost.Secretariat);
        var onSecond = await TwoNodes.ClientAsync(nodes.Second.BaseAddress, WorkspaceHost.Secretariat);
        var convened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? onFirst : onSecond)
            .ScheduleMeetingAsync($"Convened on two nodes {i}", "Plenary", new DateTimeOffset(2027, 4, 1 + i, 9, 0, 0, TimeSpan.Zero), 60, "Europe/Vienna")));

        foreach (var node in new[] { nodes.First, nodes.Second })
        {
            var who = await TwoNodes.ClientAsync(node.BaseAddress, WorkspaceHost.FocalPoint("WHO"));
            var told = (await who.ListNotificationsAsync()).Where(n => n.Kind == "meeting-scheduled").Select(n => Guid.Parse(n.Subject.Id)).ToList();
            Assert.All(convened, meeting => Assert.Single(told, meeting.Id));
        }
    }

    [Fact]
    public async Task A_client_whose_node_is_killed_resumes_on_the_other_with_nothing_missed()
    {
        await using var balancer = new FailoverProxy(nodes.First.BaseAddress, nodes.Second.BaseAddress);
        var secretariat = await TwoNodes.ClientAsync(balancer.BaseAddress, WorkspaceHost.Secretariat);
        var onSecond = await TwoNodes.ClientAsync(nodes.Second.BaseAddress, WorkspaceHost.Secretariat);
        var head = (await secretariat.ReadAllEventsAsync()).Max(e => e.Seq);
        await using var live = await TwoNodes.LiveAsync(balancer.BaseAddress, secretariat, head);
        var before = await secretariat.CreateWorkingGroupAsync("Before the crash", "ILO", []);
        var seenBefore = (await live.Events.ReadUntilAsync(IsMarker(before)))[^1].Seq;

        await nodes.First.KillAsync();
        var written = new List<WorkingGroup>();
        for (var i = 0; i < 5; i++)
        {
            written.Add(await onSecond.CreateWorkingGroupAsync($"While the first node is down {i}", "IOM", []));
        }

        try
        {
            // The client reconnects through the balancer, now to the second node, with the token the first one issued.
            var caughtUp = await live.Events.ReadUntilAsync(IsMarker(written[^1]));
            var logged = (await onSecond.ReadAllEventsAsync(seenBefore)).Select(e => e.Seq).TakeWhile(seq => seq <= caughtUp[^1].Seq);
            Assert.Equal(logged, caughtUp.Select(e => e.Seq));
            Assert.Equal(written.Select(w => w.Id.ToString()), caughtUp.Where(e => e.Type == "working-group.created").Select(e => e.Subject.Id));
            Assert.True(live.Resumes >= 2, "the client resumed after reconnecting");
        }
        finally
        {
            Assert.Null(await nodes.First.StartAsync());
        }
    }

    [Fact]
    public async Task A_silence_deadline_is_settled_once_between_the_two_nodes()
    {
        var ilo = await TwoNodes.ClientAsync(nodes.First.BaseAddress, WorkspaceHost.FocalPoint("ILO"));
        var secretariat = await TwoNodes.ClientAsync(nodes.Second.BaseAddress, WorkspaceHost.Secretariat);
        var head = (await secretariat.ReadAllEventsAsync()).Max(e => e.Seq);
        await using var live = await TwoNodes.LiveAsync(nodes.Second.BaseAddress, secretariat, head);
        var paper = await ilo.CreatePaperAsync("Adopted by silence on two nodes", "JointStatement", "ILO", ["IOM", "UNHCR"]);
        var revision = await ilo.AddRevisionAsync(paper.Id, 0, "# Adopted by silence\n\nA text no one objects to.\n");

        // The nodes run on real time: the deadline is a few seconds away, and both nodes follow the log that opened it.
        await ilo.OpenRoundAsync(paper.Id, revision.Number, "Silence", DateTimeOffset.UtcNow.AddSeconds(3));
        try
        {
            await live.Events.ReadUntilAsync(e => e.Type == "paper.round-closed" && e.Subject.Id == paper.Id.ToString());
        }
        catch (Xunit.Sdk.XunitException e)
        {
            var scheduled = await ScalarAsync("SELECT string_agg(id || ' ' || statename || ' ' || invocationdata::text || ' ' || arguments::text, E'\\n') FROM hangfire.job");
            var hashes = await ScalarAsync("SELECT string_agg(key || ' ' || field || ' ' || value || ' ' || coalesce(expireat::text, ''), E'\\n') FROM hangfire.hash");
            throw new Xunit.Sdk.XunitException($"{e.Message}\nJobs:\n{scheduled}\nHashes:\n{hashes}\nFirst node:\n{nodes.First.Output}\nSecond node:\n{nodes.Second.Output}");
        }

        Assert.Equal("SignedOff", (await secretariat.GetPaperAsync(paper.Id)).State);
        // One job in the shared job storage for that deadline, though two nodes saw the round open.
        var jobs = (long)(await ScalarAsync("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @paper", ("paper", $"%{paper.Id}%")))!;
        Assert.Equal(1, jobs);
        var log = await secretariat.ReadAllEventsAsync(head);
        Assert.Single(log, e => e.Type == "paper.round-closed" && e.Subject.Id == paper.Id.ToString());
        Assert.True((await secretariat.VerifyAuditAsync()).Ok);
    }

    [Fact]
    public async Task A_sign_in_on_one_node_works_on_the_other_and_a_command_sent_to_both_with_one_key_has_one_effect()
    {
        var onFirst = await TwoNodes.ClientAsync(nodes.First.BaseAddress, WorkspaceHost.FocalPoint("IOM"));
        var onSecond = new WorkspaceClient(new HttpClient { BaseAddress = nodes.Second.BaseAddress });
        onSecond.Http.DefaultRequestHeaders.Authorization = onFirst.Http.DefaultRequestHeaders.Authorization;
        Assert.Equal(WorkspaceHost.FocalPoint("IOM"), (await onSecond.GetMeAsync()).Email);

        var paper = await onFirst.CreatePaperAsync("Sent twice", "IssueBrief", "IOM", ["ILO"]);
        await onFirst.AddRevisionAsync(paper.Id, 0, "# Sent twice\n\nOne comment only.\n");
        var key = Guid.NewGuid().ToString();
        var body = new { revision = 1, text = "Said once, sent to both nodes." };
        var answers = await Task.WhenAll(
            onFirst.SendAsync<Comment>(HttpMethod.Post, $"/api/papers/{paper.Id}/comments", body, key),
            onSecond.SendAsync<Comment>(HttpMethod.Post, $"/api/papers/{paper.Id}/comments", body, key));

        Assert.Equal(answers[0].Id, answers[1].Id);
        var secretariat = await TwoNodes.ClientAsync(nodes.Second.BaseAddress, WorkspaceHost.Secretariat);
        Assert.Single(await secretariat.ReadAllEventsAsync(), e => e.Type == "paper.comment-added" && e.Subject.Id == paper.Id.ToString());
    }

    [Fact]
    public async Task A_node_whose_chain_key_file_is_not_the_others_refuses_to_start()
    {
        await using var stranger = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-nodes", Guid.NewGuid().ToString("N")))
        {
            Environment =
            {
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__Workspace"] = nodes.ConnectionString,
            },
        };

        var exit = await stranger.StartAsync();

        Assert.Equal(74, exit);
        Assert.Contains("is not the one the event log was written with", stranger.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_given_the_anchor_file_another_running_node_writes_refuses_to_start()
    {
        var shared = Path.GetDirectoryName(nodes.First.Directory)!;
        await using var second = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-nodes", Guid.NewGuid().ToString("N")))
        {
            Environment =
            {
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__Workspace"] = nodes.ConnectionString,
                ["Audit__KeyFile"] = Path.Combine(shared, "shared.chain-keys"),
                ["Audit__AnchorFile"] = Path.Combine(nodes.First.Directory, "data", "workspace.anchor"),
            },
        };

        var exit = await second.StartAsync();

        Assert.Equal(74, exit);
        Assert.Contains("is written by another server that is running", second.Errors, StringComparison.Ordinal);
        Assert.Single(second.Errors.Trim().Split('\n'));
        // The first node goes on, its anchor and audit untouched.
        var secretariat = await TwoNodes.ClientAsync(nodes.First.BaseAddress, WorkspaceHost.Secretariat);
        Assert.True((await secretariat.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/audit/verify")).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_node_on_a_database_that_does_not_exist_stops_with_one_line_saying_what_to_create()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(nodes.ConnectionString) { Database = "no_such_workspace" }.ConnectionString;
        await using var node = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-nodes", Guid.NewGuid().ToString("N")))
        {
            Environment = { ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__Workspace"] = missing },
        };

        var exit = await node.StartAsync();

        Assert.Equal(74, exit);
        Assert.Contains("does not exist", node.Errors, StringComparison.Ordinal);
        Assert.Contains("createdb", node.Errors, StringComparison.Ordinal);
        Assert.Single(node.Errors.Trim().Split('\n'));
    }

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(nodes.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
