using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

/// <summary>Moves its host's clock, so it has a host of its own; every step is driven by the fake clock.</summary>
public sealed class DeadlineTestsOnSqlite(WorkspaceHost host) : DeadlineTests<WorkspaceHost>(host);

public sealed class DeadlineTestsOnPostgres(PostgresHost host) : DeadlineTests<PostgresHost>(host);

public abstract class DeadlineTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task A_silence_procedure_reminds_pending_agencies_and_is_adopted_at_its_deadline()
    {
        var (paper, revision) = await InSignOffAsync(host, "Silence with reminders", "Silence", TimeSpan.FromDays(3));
        await ApproveAsync(host, paper.Id, revision, "IOM");

        // 47 hours before the deadline: the 48-hour reminder has gone to ILO and UNHCR, not to IOM.
        host.Clock.Advance(TimeSpan.FromHours(25));
        var first = await host.SweepDeadlinesAsync();
        Assert.Equal(1, first.RemindersSent);
        var reminded = async (string agency) => (await (await host.ClientFor(WorkspaceHost.FocalPoint(agency))).ListNotificationsAsync())
            .Count(n => n.Kind == "sign-off-reminder" && n.Subject.Id == paper.Id.ToString());
        Assert.Equal(1, await reminded("ILO"));
        Assert.Equal(1, await reminded("UNHCR"));
        Assert.Equal(0, await reminded("IOM"));

        // Sweeping again changes nothing: each reminder is sent once.
        Assert.Equal(0, (await host.SweepDeadlinesAsync()).RemindersSent);

        host.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, (await host.SweepDeadlinesAsync()).RemindersSent);
        Assert.Equal(2, await reminded("ILO"));

        // A minute before the deadline nothing is decided yet.
        host.Clock.Advance(TimeSpan.FromHours(23) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await host.SweepDeadlinesAsync()).SilencesClosed);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await host.SweepDeadlinesAsync()).SilencesClosed);

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var adopted = await ilo.GetPaperAsync(paper.Id);
        Assert.Equal("SignedOff", adopted.State);
        Assert.Equal("Completed", adopted.Round!.Status);
        Assert.Equal(new Workspace.Client.ClosingReason("Adopted", null, null), adopted.Round.ClosingReason);
        var statuses = adopted.Round.Agencies.ToDictionary(a => a.AgencyCode, a => a.Status);
        Assert.Equal(new Dictionary<string, string> { ["ILO"] = "AdoptedBySilence", ["IOM"] = "Approved", ["UNHCR"] = "AdoptedBySilence" }, statuses);
        Assert.Contains(await ilo.ListNotificationsAsync(), n => n.Kind == "round-completed" && n.Subject.Id == paper.Id.ToString());
        Assert.Equal(0, (await host.SweepDeadlinesAsync()).SilencesClosed);
    }

    [Fact]
    public async Task A_unanimous_round_past_its_deadline_is_flagged_overdue_once_and_stays_open()
    {
        var (paper, revision) = await InSignOffAsync(host, "Slow unanimous", "Unanimous", TimeSpan.FromHours(10));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM");

        host.Clock.Advance(TimeSpan.FromHours(10));
        var swept = await host.SweepDeadlinesAsync();
        Assert.True(swept.RoundsFlaggedOverdue >= 1);
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var overdue = await unhcr.GetPaperAsync(paper.Id);
        Assert.Equal(("InSignOff", "Open", true), (overdue.State, overdue.Round!.Status, overdue.Round.Overdue));
        Assert.Single(await unhcr.ListNotificationsAsync(), n => n.Kind == "round-overdue" && n.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListNotificationsAsync(),
            n => n.Kind == "round-overdue" && n.Subject.Id == paper.Id.ToString());

        // The last approval still completes it.
        await unhcr.SignOffAsync(paper.Id, 1, revision.ContentHash, "Approve");
        Assert.Equal("SignedOff", (await unhcr.GetPaperAsync(paper.Id)).State);
    }

    [Fact]
    public async Task A_round_with_a_deadline_under_48_hours_sends_only_the_reminders_still_ahead()
    {
        var (paper, _) = await InSignOffAsync(host, "Short notice", "Silence", TimeSpan.FromHours(30));
        Assert.Equal(0, (await host.SweepDeadlinesAsync()).RemindersSent);
        host.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, (await host.SweepDeadlinesAsync()).RemindersSent);
        var notices = await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListNotificationsAsync();
        Assert.Single(notices, n => n.Kind == "sign-off-reminder" && n.Subject.Id == paper.Id.ToString());
    }

    [Fact]
    public async Task Opening_a_round_puts_its_reminders_and_deadline_on_the_job_schedule()
    {
        var storage = host.App.Services.GetRequiredService<JobStorage>();
        var before = storage.GetMonitoringApi().ScheduledCount();
        var (paper, _) = await InSignOffAsync(host, "Scheduled statement", "Silence", TimeSpan.FromDays(5));

        // The schedule follows the committed event: once this node's relay has read it, the jobs are there.
        var opened = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000))
            .Single(e => e.Type == "paper.round-opened" && e.Subject.Id == paper.Id.ToString());
        var relay = host.App.Services.GetRequiredService<Workspace.Server.Live.EventRelay>();
        Assert.True(SpinWait.SpinUntil(() => relay.Position >= opened.Seq, TimeSpan.FromSeconds(10)), "the relay did not reach the event");
        // 48 h and 24 h reminders and the deadline itself.
        Assert.Equal(before + 3, storage.GetMonitoringApi().ScheduledCount());
        Assert.Contains(storage.GetConnection().GetRecurringJobs(), j => j.Id == "deadline-sweep");
    }
}

/// <summary>Restarts its host; one test per host.</summary>
public sealed class DeadlineRestartTestsOnSqlite(WorkspaceHost host) : DeadlineRestartTests<WorkspaceHost>(host);

public sealed class DeadlineRestartTestsOnPostgres(PostgresHost host) : DeadlineRestartTests<PostgresHost>(host);

public abstract class DeadlineRestartTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task A_server_restart_between_opening_and_deadline_loses_nothing()
    {
        var (paper, revision) = await InSignOffAsync(host, "Survives a restart", "Silence", TimeSpan.FromDays(2));
        await ApproveAsync(host, paper.Id, revision, "UNHCR");

        await host.RestartAsync();
        // The schedule is rebuilt from the database.
        var storage = host.App.Services.GetRequiredService<JobStorage>();
        Assert.True(storage.GetMonitoringApi().ScheduledCount() >= 1);

        // The deadline passes while the server is down; starting again settles it without anyone asking.
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.RestartAsync();

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var settled = await ilo.GetPaperAsync(paper.Id);
        Assert.Equal("SignedOff", settled.State);
        Assert.Equal("Approved", settled.Round!.Agencies.Single(a => a.AgencyCode == "UNHCR").Status);
        Assert.Equal("AdoptedBySilence", settled.Round.Agencies.Single(a => a.AgencyCode == "IOM").Status);
        Assert.True((await (await host.ClientFor(WorkspaceHost.Secretariat)).VerifyAuditAsync()).Ok);
    }
}

/// <summary>A host whose job server looks for due jobs every second.</summary>
public class QuickJobsHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Jobs:SchedulePollingInterval", "00:00:01")];
}

/// <summary>The whole chain, with no test calling the sweep: commit, Hangfire's schedule, the job, the relay, the hub.</summary>
public sealed class QuickJobsHostOnPostgres : QuickJobsHost
{
    public override Workspace.Server.DatabaseProvider Provider => Workspace.Server.DatabaseProvider.PostgreSql;
}

public sealed class ScheduledDeadlineTestsOnSqlite(QuickJobsHost host) : ScheduledDeadlineTests<QuickJobsHost>(host);

public sealed class ScheduledDeadlineTestsOnPostgres(QuickJobsHostOnPostgres host) : ScheduledDeadlineTests<QuickJobsHostOnPostgres>(host);

public abstract class ScheduledDeadlineTests<THost>(THost host) : IClassFixture<THost>
    where THost : QuickJobsHost
{
    [Fact]
    public async Task The_job_scheduled_at_a_deadline_settles_the_round_by_itself_and_participants_see_it_live()
    {
        var head = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        await using var live = await host.LiveFor(WorkspaceHost.FocalPoint("UNHCR"), head);

        // The deadline is five seconds away; the fake clock is then moved past it, so the job that Hangfire
        // runs on the real clock about six seconds later finds the deadline passed. (Were the job to run before
        // the clock is moved, on a machine too busy to move it within five seconds, it would find nothing due
        // and leave the round to the minutely sweep.)
        var (paper, _) = await InSignOffAsync(host, "Settled by the job", "Silence", TimeSpan.FromSeconds(5));
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        List<Workspace.Client.WorkspaceEvent> events;
        try
        {
            events = await Workspace.Tests.Live.LiveStream.ReadUntilAsync(live.Events,
                e => e.Type == "paper.round-closed" && e.Subject.Id == paper.Id.ToString());
        }
        catch (Xunit.Sdk.XunitException e)
        {
            var jobs = host.Provider == Workspace.Server.DatabaseProvider.PostgreSql
                ? await host.QueryScalarAsync("SELECT string_agg(j.id || ' ' || j.statename || ' ' || j.createdat || ' ' || j.arguments::text || ' ' || coalesce(s.score::text, '-') || ' now ' || extract(epoch from now()), E'\\n') FROM hangfire.job j LEFT JOIN hangfire.set s ON s.key = 'schedule' AND s.value = j.id::text")
                : null;
            var failures = host.Provider == Workspace.Server.DatabaseProvider.PostgreSql
                ? await host.QueryScalarAsync("SELECT string_agg(jobid || ' ' || name || ' ' || coalesce(reason, '') || ' ' || left(coalesce(data::text, ''), 600), E'\\n') FROM hangfire.state WHERE name IN ('Failed', 'Scheduled')")
                : null;
            throw new Xunit.Sdk.XunitException(e.Message + $"\nJobs:\n{jobs}\nStates:\n{failures}\n" + string.Join("\n", host.Logs.Lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        }

        Assert.Equal("Completed", events[^1].Data.GetProperty("status").GetString());
        Assert.Equal("system", events[^1].Actor);
        Assert.Equal("SignedOff", (await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetPaperAsync(paper.Id)).State);
    }
}
