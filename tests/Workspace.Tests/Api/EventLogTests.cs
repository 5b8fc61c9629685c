using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Client;
using Workspace.Server.Data;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Live;

namespace Workspace.Tests.Api;

public sealed class EventLogTestsOnSqlite(WorkspaceHost host) : EventLogTests<WorkspaceHost>(host);

public sealed class EventLogTestsOnPostgres(PostgresHost host) : EventLogTests<PostgresHost>(host);

public abstract class EventLogTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_log_is_ordered_without_gaps_and_pages_by_seq()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var all = await secretariat.ReadEventsAsync(0, 1000);

        Assert.True(all.Count >= 30);
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.Equal("agency.registered", all[0].Type);
        Assert.Equal("system", all[0].Actor);

        var page1 = await secretariat.ReadEventsAsync(0, 10);
        var page2 = await secretariat.ReadEventsAsync(page1[^1].Seq, 10);
        Assert.Equal(all.Take(20).Select(e => e.Seq), page1.Concat(page2).Select(e => e.Seq));
        Assert.Empty(await secretariat.ReadEventsAsync(all[^1].Seq + 100));
    }

    [Fact]
    public async Task Events_about_people_reach_their_agency_and_the_secretariat_only()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.RegisterFocalPointAsync("UNICEF", "new@unicef.demo", "New Person", "A-strong-password-1");

        static bool IsRegistration(WorkspaceEvent e) => e.Type == "agency.focal-point-registered" && e.Subject.Id == "UNICEF";
        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

        Assert.Contains(await secretariat.ReadEventsAsync(0, 1000), IsRegistration);
        Assert.Contains(await unicef.ReadEventsAsync(0, 1000), IsRegistration);
        var seenByIlo = await ilo.ReadEventsAsync(0, 1000);
        Assert.DoesNotContain(seenByIlo, IsRegistration);
        // What ILO sees is still in order; the hidden event is simply not there.
        Assert.Equal(seenByIlo.Select(e => e.Seq).Order(), seenByIlo.Select(e => e.Seq));
    }

    [Fact]
    public async Task Each_event_carries_its_envelope()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var group = await secretariat.CreateWorkingGroupAsync("Envelope group", "IOM", ["ILO"]);
        var e = (await secretariat.ReadEventsAsync(0, 1000)).Single(x => x.Subject.Id == group.Id.ToString());

        Assert.Equal("working-group.created", e.Type);
        Assert.Equal("working-group", e.Subject.Kind);
        Assert.Equal(WorkspaceHost.Secretariat, e.Actor);
        Assert.Equal(host.Clock.GetUtcNow(), e.OccurredAt);
        Assert.Equal("Envelope group", e.Data.GetProperty("name").GetString());

        var raw = await secretariat.Http.GetStringAsync($"/api/events?after={e.Seq - 1}&limit=1");
        Assert.Contains("\"occurredAt\":\"2026-06-15T09:00:00+00:00\"", raw);
    }

    [Fact]
    public async Task Only_the_secretariat_verifies_the_audit_chain()
    {
        var focal = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(focal.GetAsync("/api/audit/verify"), HttpStatusCode.Forbidden);
        using var anonymous = host.Anonymous();
        await ProblemAssert.IsProblem(anonymous.GetAsync("/api/events"), HttpStatusCode.Unauthorized);
    }
}

/// <summary>Alters the database file behind the server's back, so each test has a host of its own.</summary>
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly WorkspaceHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    private async Task ExecuteOnFile(string sql) => Assert.Equal(1, await host.ExecuteSqlAsync(sql));

    private async Task<AuditResult> Verify() => await (await host.ClientFor(WorkspaceHost.Secretariat)).VerifyAuditAsync();

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.CreateWorkingGroupAsync("One more", "ILO", []);
        var audit = await Verify();
        var events = await secretariat.ReadEventsAsync(0, 1000);

        Assert.True(audit.Ok);
        Assert.Equal(events.Count, audit.Events);
        Assert.Null(audit.FirstBrokenSeq);
        Assert.Matches("^[0-9a-f]{64}$", audit.Head);
    }

    [Fact]
    public async Task A_row_altered_in_the_database_file_breaks_the_chain_there()
    {
        await ExecuteOnFile("UPDATE EventLog SET Data = replace(Data, 'Labour', 'Labor') WHERE Seq = 2");
        var audit = await Verify();
        Assert.False(audit.Ok);
        Assert.Equal(2, audit.FirstBrokenSeq);
    }

    [Fact]
    public async Task An_altered_actor_breaks_the_chain()
    {
        await ExecuteOnFile("UPDATE EventLog SET Actor = 'someone-else' WHERE Seq = 5");
        Assert.Equal(5, (await Verify()).FirstBrokenSeq);
    }

    [Fact]
    public async Task A_row_removed_from_the_middle_breaks_the_chain()
    {
        await ExecuteOnFile("DELETE FROM EventLog WHERE Seq = 7");
        var audit = await Verify();
        Assert.False(audit.Ok);
        Assert.Equal(7, audit.FirstBrokenSeq);
    }

    [Fact]
    public async Task The_last_row_removed_is_noticed_against_the_head()
    {
        await ExecuteOnFile("DELETE FROM EventLog WHERE Seq = (SELECT max(Seq) FROM EventLog)");
        Assert.False((await Verify()).Ok);
    }

    [Fact]
    public async Task A_row_rewritten_with_its_own_hash_recomputed_breaks_the_next_link()
    {
        // Even someone holding the key who rewrites a row and its hash leaves the next row pointing at the old hash.
        await using (var connection = new SqliteConnection($"Data Source={host.DatabasePath}"))
        {
            var row = await connection.QuerySingleEventAsync(3);
            var forged = row.Data.Replace("Organization", "Organisation", StringComparison.Ordinal);
            Assert.NotEqual(row.Data, forged);
            var keys = host.App.Services.GetRequiredService<ChainKeys>();
            var hash = keys.Hash(row.KeyId, EventRecord.HashedText(row.Seq, row.Type, row.OccurredAt, row.SubjectKind, row.SubjectId, row.Actor, row.Audience, forged, row.PreviousHash, row.KeyId));
            await ExecuteOnFile($"UPDATE EventLog SET Data = '{forged.Replace("'", "''", StringComparison.Ordinal)}', Hash = '{hash}' WHERE Seq = 3");
        }

        var audit = await Verify();
        Assert.False(audit.Ok);
        Assert.Equal(4, audit.FirstBrokenSeq);
    }

    [Fact]
    public async Task A_whole_chain_recomputed_without_the_key_is_noticed()
    {
        // Widen a draft's audience to everyone, then recompute every hash as the unkeyed chain of old did.
        var draft = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000)).First(e => e.Type == "paper.created");
        await ExecuteOnFile($"UPDATE EventLog SET Audience = '*' WHERE Seq = {draft.Seq}");
        await RecomputeWithoutKeyAsync();

        var audit = await Verify();
        Assert.False(audit.Ok);
        Assert.Equal(1, audit.FirstBrokenSeq);
    }

    [Fact]
    public async Task The_newest_events_removed_with_the_head_row_are_noticed_against_the_anchor()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await using var live = await host.LiveFor(WorkspaceHost.Secretariat, afterSeq: (await Verify()).Events);
        await secretariat.CreateWorkingGroupAsync("Anchored group", "ILO", []);
        var head = (await Verify()).Events;
        // The relay anchors each batch before it hands the events out: once the event is seen live, it is anchored.
        await live.Events.ReadUntilAsync(e => e.Seq == head);
        Assert.True(host.App.Services.GetRequiredService<LogAnchor>().Read().ContainsKey(head));

        // Drop the newest event and set the head row back, consistently.
        await using (var connection = new SqliteConnection($"Data Source={host.DatabasePath}"))
        {
            var previous = await connection.QuerySingleEventAsync(head - 1);
            await ExecuteOnFile($"DELETE FROM EventLog WHERE Seq = {head}");
            await ExecuteOnFile($"UPDATE EventLogHead SET Seq = {head - 1}, Hash = (SELECT Hash FROM EventLog WHERE Seq = {head - 1})");
            Assert.Equal(head - 1, previous.Seq);
        }

        var audit = await Verify();
        Assert.False(audit.Ok);
        Assert.Equal(head, audit.AnchoredSeq);
        Assert.Contains(audit.Problems, p => p.Contains("cut short", StringComparison.Ordinal));
    }

    private async Task RecomputeWithoutKeyAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        var rows = new List<EventRecord>();
        for (long seq = 1; ; seq++)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = $"SELECT count(*) FROM EventLog WHERE Seq = {seq}";
            if ((long)(await probe.ExecuteScalarAsync())! == 0)
            {
                break;
            }

            rows.Add(await connection.QuerySingleEventAsync(seq));
        }

        var previous = "";
        foreach (var row in rows)
        {
            var text = EventRecord.HashedText(row.Seq, row.Type, row.OccurredAt, row.SubjectKind, row.SubjectId, row.Actor, row.Audience, row.Data, previous, row.KeyId);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
            await ExecuteOnFile($"UPDATE EventLog SET PreviousHash = '{previous}', Hash = '{hash}' WHERE Seq = {row.Seq}");
            previous = hash;
        }

        await ExecuteOnFile($"UPDATE EventLogHead SET Hash = '{previous}'");
    }
}

internal static class EventLogFile
{
    public static async Task<Workspace.Server.Data.EventRecord> QuerySingleEventAsync(this SqliteConnection connection, long seq)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Seq, Type, OccurredAt, SubjectKind, SubjectId, Actor, Audience, Data, PreviousHash, KeyId FROM EventLog WHERE Seq = $seq";
        command.Parameters.AddWithValue("$seq", seq);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new Workspace.Server.Data.EventRecord
        {
            Seq = reader.GetInt64(0),
            Type = reader.GetString(1),
            OccurredAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
            SubjectKind = reader.GetString(3),
            SubjectId = reader.GetString(4),
            Actor = reader.GetString(5),
            Audience = reader.GetString(6),
            Data = reader.GetString(7),
            PreviousHash = reader.GetString(8),
            KeyId = reader.GetString(9),
        };
    }
}
