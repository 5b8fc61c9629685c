using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Domain;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Api;

/// <summary>
/// The write path on the test server's own database file: writers queued while another writes share its
/// transaction and commit, each in a savepoint. A committer of the test's own, with batches as long as the test
/// needs, so which writers share a commit does not depend on timing.
/// </summary>
public sealed class GroupCommitTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    private GroupCommit NewCommitter() => new($"Data Source={host.DatabasePath}", Pragmas, longestBatch: TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Writers_queued_behind_a_writer_share_its_commit_and_a_refused_one_rolls_back_alone()
    {
        await using var writes = NewCommitter();
        var seqBefore = await LogHeadAsync();
        var (first, gate) = await HoldTurnAsync(writes, "GCA");
        var second = RegisterAsync(writes, "GCB");
        var refused = RegisterAsync(writes, "GCC", () => throw new InvalidOperationException("refused after writing"));
        var third = RegisterAsync(writes, "GCD");
        gate.SetResult();

        await Task.WhenAll(first, second, third);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => refused);
        Assert.Equal("refused after writing", refusal.Message);

        Assert.Equal((1L, 3L), writes.Totals);
        Assert.Equal(["GCA", "GCB", "GCD"], await AgencyCodesAsync("GC%"));
        Assert.Equal(seqBefore + 3, await LogHeadAsync());
        var verify = await (await host.ClientFor(WorkspaceHost.Secretariat)).Http.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task When_the_shared_transaction_is_lost_no_writer_of_the_batch_is_answered_as_durable_and_the_next_batch_writes()
    {
        await using var writes = NewCommitter();
        var (first, gate) = await HoldTurnAsync(writes, "LTA");
        // As SQLite does on a full disk or an I/O error: the statement fails and the whole transaction ends.
        var losing = RegisterAsync(writes, "LTB", async db =>
        {
            await db.Database.ExecuteSqlRawAsync("ROLLBACK");
            throw new InvalidOperationException("the transaction ended under this command");
        });
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => losing);
        var lost = await Assert.ThrowsAsync<StorageWriteException>(() => first);
        Assert.Equal(503, Workspace.Server.Http.Problems.ToProblem(lost).Status);
        Assert.Empty(await AgencyCodesAsync("LT%"));

        await RegisterAsync(writes, "LTC");
        Assert.Equal(["LTC"], await AgencyCodesAsync("LT%"));
    }

    [Fact]
    public async Task A_writer_that_gives_up_while_queued_writes_nothing_and_the_others_go_on()
    {
        await using var writes = NewCommitter();
        var (first, gate) = await HoldTurnAsync(writes, "GUA");

        using var givingUp = new CancellationTokenSource();
        var ran = false;
        var abandoned = RegisterAsync(writes, "GUB", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, givingUp.Token);
        var after = RegisterAsync(writes, "GUC");
        await givingUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        gate.SetResult();
        await Task.WhenAll(first, after);

        Assert.False(ran);
        Assert.Equal(["GUA", "GUC"], await AgencyCodesAsync("GU%"));
    }

    /// <summary>
    /// A first writer that takes its turn and holds it (its agency saved, its transaction open) until the gate
    /// opens, so that the writers sent meanwhile queue behind it; a writer that failed before its turn says why.
    /// </summary>
    private async Task<(Task First, TaskCompletionSource Gate)> HoldTurnAsync(GroupCommit writes, string code)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RegisterAsync(writes, code, async () =>
        {
            inside.SetResult();
            await gate.Task;
        });
        await Task.WhenAny(inside.Task, first).WaitAsync(TimeSpan.FromSeconds(30));
        if (first.IsCompleted)
        {
            await first;
        }

        return (first, gate);
    }

    private Task RegisterAsync(GroupCommit writes, string code, Func<Task>? afterSave = null) =>
        RegisterAsync(writes, code, _ => afterSave?.Invoke() ?? Task.CompletedTask);

    private async Task RegisterAsync(GroupCommit writes, string code, Func<WorkspaceDb, Task> afterSave, CancellationToken cancellationToken = default)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        await writes.WriteAsync(db, async ct =>
        {
            db.Agencies.Add(Agency.Register(code, $"Agency {code}", Actor.System));
            await db.SaveChangesAsync(ct);
            await afterSave(db);
            return true;
        }, cancellationToken);

        // The context is back on a connection of its own, and reads what it wrote, now committed.
        Assert.Null(db.Database.CurrentTransaction);
        Assert.True(await db.Agencies.AsNoTracking().AnyAsync(a => a.Code == code, CancellationToken.None));
    }

    private async Task<long> LogHeadAsync() => (long)(await host.QueryScalarAsync("SELECT COALESCE(MAX(Seq), 0) FROM EventLog"))!;

    private async Task<List<string>> AgencyCodesAsync(string like)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        return await db.Agencies.Where(a => EF.Functions.Like(a.Code, like)).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync();
    }
}
