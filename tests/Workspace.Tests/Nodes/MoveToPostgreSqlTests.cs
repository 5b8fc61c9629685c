using Microsoft.Extensions.DependencyInjection;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Nodes;

/// <summary>
/// An existing SQLite workspace moves to PostgreSQL with the server's own command: every row, the log with its
/// hashes, verified on arrival; the server then runs on PostgreSQL with the same sign-ins, papers and chain.
/// </summary>
public sealed class MoveToPostgreSqlTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-move", Guid.NewGuid().ToString("N"));
    private PostgresCluster cluster = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.Instance;
        database = await cluster.CreateDatabaseAsync();
    }

    [Fact]
    public async Task A_SQLite_workspace_is_copied_whole_and_verified_and_the_server_goes_on_from_it_on_PostgreSQL()
    {
        // A workspace on SQLite, on the real clock (times with sub-microsecond digits), with a paper signed off.
        await using var onSqlite = new ServerProcess(Path.Combine(folder, "sqlite"));
        Assert.Null(await onSqlite.StartAsync());
        var ilo = await TwoNodes.ClientAsync(onSqlite.BaseAddress, WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Moved to PostgreSQL", "JointStatement", "ILO", ["IOM"]);
        var revision = await ilo.AddRevisionAsync(paper.Id, 0, "# Moved\n\nA text that travels.\n");
        await ilo.AddCommentAsync(paper.Id, 1, "Before the move.");
        await ilo.OpenRoundAsync(paper.Id, 1, "Unanimous", DateTimeOffset.UtcNow.AddDays(7));
        await ilo.SignOffAsync(paper.Id, 1, revision.ContentHash, "Approve");
        await (await TwoNodes.ClientAsync(onSqlite.BaseAddress, WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(paper.Id, 1, revision.ContentHash, "Approve");
        var secretariat = await TwoNodes.ClientAsync(onSqlite.BaseAddress, WorkspaceHost.Secretariat);
        var events = await secretariat.ReadAllEventsAsync();
        Assert.True((await secretariat.VerifyAuditAsync()).Ok);
        await onSqlite.KillAsync();

        var (exit, output) = await onSqlite.RunCommandAsync("migrate-to-postgres", cluster.ConnectionString(database));

        Assert.True(exit == 0, output);
        Assert.Contains($"Copied and verified: {events.Count} events", output, StringComparison.Ordinal);
        Assert.Matches(@"EventLog\s+" + events.Count + " rows", output);

        await using var onPostgres = new ServerProcess(Path.Combine(folder, "postgres"))
        {
            Environment =
            {
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__Workspace"] = cluster.ConnectionString(database),
                ["Audit__KeyFile"] = Path.Combine(onSqlite.Directory, "workspace.chain-keys"),
                ["Audit__AnchorFile"] = Path.Combine(onSqlite.Directory, "workspace.anchor"),
            },
        };
        Assert.Null(await onPostgres.StartAsync());
        var secretariatThere = await TwoNodes.ClientAsync(onPostgres.BaseAddress, WorkspaceHost.Secretariat);
        Assert.Equal(events.Select(e => (e.Seq, e.Type, e.OccurredAt)), (await secretariatThere.ReadAllEventsAsync()).Select(e => (e.Seq, e.Type, e.OccurredAt)));
        var moved = await secretariatThere.GetPaperAsync(paper.Id);
        Assert.Equal(("SignedOff", "Completed"), (moved.State, moved.Round!.Status));

        // It goes on: a new sign-in session, a new comment, a new event chained to the moved ones.
        var iloThere = await TwoNodes.ClientAsync(onPostgres.BaseAddress, WorkspaceHost.FocalPoint("ILO"));
        await iloThere.AddCommentAsync(paper.Id, 1, "After the move.");
        var audit = await secretariatThere.VerifyAuditAsync();
        Assert.True(audit.Ok, string.Join(" ", audit.Problems));
        Assert.Equal(events.Count + 1, audit.Events);
    }

    [Fact]
    public async Task Moving_into_a_database_that_already_holds_a_workspace_is_refused_and_changes_nothing()
    {
        await using var first = new ServerProcess(Path.Combine(folder, "first"));
        Assert.Null(await first.StartAsync());
        await first.KillAsync();
        Assert.Equal(0, (await first.RunCommandAsync("migrate-to-postgres", cluster.ConnectionString(database))).ExitCode);
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"EventLog\"", connection);
        var before = (long)(await count.ExecuteScalarAsync())!;

        var (exit, output) = await first.RunCommandAsync("migrate-to-postgres", cluster.ConnectionString(database));

        Assert.NotEqual(0, exit);
        Assert.Contains("already holds a workspace", output, StringComparison.Ordinal);
        Assert.Equal(before, (long)(await count.ExecuteScalarAsync())!);
    }

    public async Task DisposeAsync()
    {
        await cluster.DropDatabaseAsync(database);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The move called in-process on a running test host's SQLite file, where its fake clock lets a meeting be held.</summary>
public sealed class MoveToPostgreSqlCycleTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task A_meeting_and_its_minutes_which_point_at_each_other_arrive_both_linked()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Held before the move", "Plenary", host.Clock.GetUtcNow().AddHours(1), 60, "Europe/Vienna", invitedAgencyCodes: ["IOM"]);
        host.Clock.Advance(TimeSpan.FromHours(2));
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var minutes = await ilo.SendAsync<Workspace.Client.Paper>(HttpMethod.Post, $"/api/meetings/{meeting.Id}/minutes", new { });
        var cluster = await PostgresCluster.Instance;
        var database = await cluster.CreateDatabaseAsync();
        try
        {
            await using (var scope = host.App.Services.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                var report = await Workspace.Server.Data.PostgreSql.MoveToPostgreSql.RunAsync(services.GetRequiredService<Workspace.Server.Data.WorkspaceDb>(),
                    cluster.ConnectionString(database), services.GetRequiredService<Workspace.Server.Data.ChainKeys>(),
                    services.GetRequiredService<Workspace.Server.Data.LogAnchor>(), CancellationToken.None);
                Assert.True(report.Audit.Ok, string.Join(" ", report.Audit.Problems));
            }

            await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString(database));
            await connection.OpenAsync();
            await using var linked = new Npgsql.NpgsqlCommand(
                """SELECT m."MinutesPaperId" = p."Id" AND p."MeetingId" = m."Id" FROM "Meetings" m JOIN "Papers" p ON p."Id" = @paper WHERE m."Id" = @meeting""", connection);
            linked.Parameters.AddWithValue("paper", minutes.Id);
            linked.Parameters.AddWithValue("meeting", meeting.Id);
            Assert.Equal(true, await linked.ExecuteScalarAsync());
        }
        finally
        {
            await cluster.DropDatabaseAsync(database);
        }
    }
}
