using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Live;

namespace Workspace.Tests.Security;

/// <summary>The real server killed with SIGKILL under concurrent writes, again and again.</summary>
public sealed class CrashTests
{
    private const int Cycles = 5;
    private const int Writers = 4;

    [Fact]
    public async Task Nothing_acknowledged_is_lost_or_doubled_over_kill_9_cycles_and_the_log_stays_whole()
    {
        // Writers as fast as the server takes them: the limit of changes a minute per person is not what is tested here.
        await using var server = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-crash", Guid.NewGuid().ToString("N")))
        {
            Environment = { ["Api__WritesPerMinute"] = "0" },
        };
        Assert.Null(await server.StartAsync());
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new WorkspaceClient(http);
        await client.SignInAsync(WorkspaceHost.Secretariat, WorkspaceHost.Password);
        var head = (await client.ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        var token = http.DefaultRequestHeaders.Authorization!.Parameter;
        await using var live = new WorkspaceLiveConnection(server.BaseAddress, () => Task.FromResult<string?>(token), head);
        await live.StartAsync();

        var acknowledged = new ConcurrentDictionary<string, Guid>();
        var unsure = new ConcurrentDictionary<string, string>();
        var random = new Random(20261124);
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            if (cycle > 0)
            {
                Assert.Null(await server.StartAsync());
            }

            // First the requests whose outcome the last crash left unknown, with their keys: each lands once.
            foreach (var (name, key) in unsure.ToArray())
            {
                var answer = await PostAsync(http, name, key);
                Assert.True(answer is not null, $"{name} failed after the restart");
                acknowledged[name] = answer.Value;
                unsure.TryRemove(name, out _);
            }

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"Crash {cycle}-{w}-{i}";
                    var key = Guid.NewGuid().ToString("N");
                    unsure[name] = key;
                    var answer = await PostAsync(http, name, key);
                    if (answer is null)
                    {
                        return;
                    }

                    acknowledged[name] = answer.Value;
                    unsure.TryRemove(name, out _);
                }
            })).ToList();

            await Task.Delay(random.Next(300, 1500));
            await server.KillAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        Assert.Null(await server.StartAsync());
        foreach (var (name, key) in unsure.ToArray())
        {
            acknowledged[name] = (await PostAsync(http, name, key))!.Value;
        }

        Assert.True(acknowledged.Count > Cycles * Writers, $"Only {acknowledged.Count} writes were acknowledged.");
        var groups = (await http.GetFromJsonAsync<List<JsonElement>>("/api/working-groups"))!
            .Select(g => (Id: g.GetProperty("id").GetGuid(), Name: g.GetProperty("name").GetString()!)).Where(g => g.Name.StartsWith("Crash ", StringComparison.Ordinal)).ToList();
        Assert.Equal(groups.Count, groups.Select(g => g.Name).Distinct().Count());
        foreach (var (name, id) in acknowledged)
        {
            Assert.Contains((id, name), groups);
        }

        var events = new List<WorkspaceEvent>();
        for (long after = 0; ;)
        {
            var page = await client.ReadEventsAsync(after, 1000);
            events.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Seq;
        }

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(groups.Count, events.Count(e => e.Type == "working-group.created" && e.Data.GetProperty("name").GetString()!.StartsWith("Crash ", StringComparison.Ordinal)));
        var audit = await client.VerifyAuditAsync();
        Assert.True(audit.Ok, string.Join("\n", audit.Problems));

        // The live client reconnected after every crash and, resuming, missed nothing and saw nothing twice.
        var received = await live.Events.ReadUntilAsync(e => e.Seq == events[^1].Seq);
        Assert.Equal(events.Where(e => e.Seq > head).Select(e => e.Seq), received.Select(e => e.Seq));

        await live.DisposeAsync();
        await server.KillAsync();
        await using var file = new SqliteConnection($"Data Source={server.DatabasePath}");
        await file.OpenAsync();
        await using var check = file.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Whom_a_change_concerns_is_told_once_even_when_the_server_is_killed_just_after_acknowledging_it()
    {
        await using var server = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-crash", Guid.NewGuid().ToString("N")))
        {
            Environment = { ["Api__WritesPerMinute"] = "0" },
        };
        var convened = new List<Guid>();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var secretariat = new WorkspaceClient(http);
        for (var cycle = 0; cycle < 3; cycle++)
        {
            Assert.Null(await server.StartAsync());
            if (cycle == 0)
            {
                await secretariat.SignInAsync(WorkspaceHost.Secretariat, WorkspaceHost.Password);
            }

            // Each meeting's invitation is told to every member's people after commit; the kill comes before that, or during it.
            for (var i = 0; i < 3; i++)
            {
                var meeting = await secretariat.ScheduleMeetingAsync($"Killed after {cycle}-{i}", "Plenary", new DateTimeOffset(2027, 3, 1 + i, 9, 0, 0, TimeSpan.Zero), 60, "Europe/Vienna");
                convened.Add(meeting.Id);
            }

            await server.KillAsync();
        }

        Assert.Null(await server.StartAsync());
        using var whoHttp = new HttpClient { BaseAddress = server.BaseAddress };
        var who = new WorkspaceClient(whoHttp);
        await who.SignInAsync(WorkspaceHost.FocalPoint("WHO"), WorkspaceHost.Password);
        var told = (await who.ListNotificationsAsync()).Where(n => n.Kind == "meeting-scheduled").Select(n => Guid.Parse(n.Subject.Id)).ToList();
        foreach (var meeting in convened)
        {
            Assert.Single(told, meeting);
        }

        await server.KillAsync();
    }

    /// <summary>The group's id once the server acknowledged it; null when the server went away first.</summary>
    private static async Task<Guid?> PostAsync(HttpClient http, string name, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/working-groups")
        {
            Content = JsonContent.Create(new { name, leadAgencyCode = "ILO", memberAgencyCodes = new[] { "IOM" } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

/// <summary>Start-up on storage it cannot use: one line, an exit code of its own.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_database_folder_that_cannot_be_made_stops_the_server_with_one_line_and_exit_code_74()
    {
        await using var server = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-start", Guid.NewGuid().ToString("N")));
        var blocker = Path.Combine(server.Directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database's folder should be");
        server.Environment["ConnectionStrings__Workspace"] = $"Data Source={Path.Combine(blocker, "workspace.db")}";

        var exit = await server.StartAsync();

        Assert.Equal(74, exit);
        var lines = server.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("workspace: cannot start:", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_created_afresh_beside_the_anchor_of_another_stops_the_server_rather_than_cry_tampering_forever()
    {
        await using var server = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-start", Guid.NewGuid().ToString("N")));
        Assert.Null(await server.StartAsync());
        await server.KillAsync();
        foreach (var file in Directory.GetFiles(server.Directory, "workspace.db*"))
        {
            File.Delete(file);
        }

        var exit = await server.StartAsync();

        Assert.Equal(74, exit);
        var line = Assert.Single(server.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("anchors another event log", line, StringComparison.Ordinal);
    }
}
