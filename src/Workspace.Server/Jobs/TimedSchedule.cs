using Hangfire;
using Hangfire.Storage;
using Workspace.Server.Data;

namespace Workspace.Server.Jobs;

/// <summary>
/// Puts the areas' moments (<see cref="ITimedWork"/>) on Hangfire's schedule, measured against the injected
/// clock. Each moment is claimed in the jobs' storage before it is scheduled, so that where that storage is
/// shared (PostgreSQL) the nodes that all follow the log, and each node's start-up, schedule it once between them.
/// </summary>
public sealed class TimedSchedule(IBackgroundJobClient jobs, JobStorage storage, TimeProvider clock)
{
    public void Schedule(ITimedWork work, Moment moment)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Claim($"{work.Name}:{moment.Subject:N}:{moment.At.Ticks}", moment.At, now))
        {
            var name = work.Name;
            Guid? subject = moment.Subject;
            jobs.Schedule<TimedJobs>(j => j.RunAsync(name, subject, CancellationToken.None), Until(moment.At, now));
        }
    }

    /// <summary>
    /// The delay until a moment, and a second more: a job's due time is kept to the second (in PostgreSQL's job
    /// storage), so a job scheduled for the moment itself may run just before it and find nothing due yet.
    /// </summary>
    private static TimeSpan Until(DateTime at, DateTime now) => (at > now ? at - now : TimeSpan.Zero) + TimeSpan.FromSeconds(1);

    /// <summary>True for the first to claim a moment; the claim lasts until a day after it.</summary>
    private bool Claim(string moment, DateTime at, DateTime now)
    {
        var key = "workspace:scheduled:" + moment;
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock("workspace:schedule", TimeSpan.FromSeconds(30)))
        {
            if (connection.GetAllEntriesFromHash(key) is { Count: > 0 })
            {
                return false;
            }

            using var transaction = connection.CreateWriteTransaction();
            transaction.SetRangeInHash(key, [new("at", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))]);
            if (transaction is JobStorageTransaction expiring)
            {
                expiring.ExpireHash(key, (at > now ? at - now : TimeSpan.Zero) + TimeSpan.FromDays(1));
            }

            transaction.Commit();
            return true;
        }
    }
}

/// <summary>
/// What Hangfire runs: one area's timed work, by its name, in a scope of its own. No retries: every work has its
/// safety net (the recurring run), which re-checks the state.
/// </summary>
public sealed class TimedJobs(IEnumerable<ITimedWork> works, IServiceProvider services)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string work, Guid? subject, CancellationToken cancellationToken) =>
        works.Single(w => w.Name == work).RunAsync(services, subject, cancellationToken);
}

/// <summary>Puts on the schedule the moments that committed events bring, as the relay reads the log.</summary>
internal sealed class TimedWorkFollower(TimedSchedule schedule, IEnumerable<ITimedWork> works) : ILogFollower
{
    private readonly ITimedWork[] all = [.. works];

    public void Follow(EventRecord e)
    {
        foreach (var work in all)
        {
            foreach (var moment in work.MomentsOf(e))
            {
                schedule.Schedule(work, moment);
            }
        }
    }
}

/// <summary>
/// At start-up, rebuilds the schedule from the database (Hangfire's storage is in memory on SQLite), runs once
/// the work that may have fallen due while the server was down, and puts each work's safety net on its cron.
/// </summary>
internal sealed partial class TimedWorkRestorer(
    IServiceScopeFactory scopes, IEnumerable<ITimedWork> works, TimedSchedule schedule, IRecurringJobManager recurring,
    StorageMode storage, TimeProvider clock, ILogger<TimedWorkRestorer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.ReadOnly)
        {
            // Nothing timed can be settled without writing; a writable restart catches up.
            return;
        }

        foreach (var work in works)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
                foreach (var moment in await work.MomentsAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken))
                {
                    schedule.Schedule(work, moment);
                }
            }

            if (work.RunsAtStartUp)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await work.RunAsync(scope.ServiceProvider, null, cancellationToken);
                }
                catch (Exception e) when (StorageFailure.Is(e))
                {
                    // A full disk must not keep the server from starting to serve reads; the safety net catches up.
                    RunDeferred(logger, work.Name, StorageFailure.Describe(e));
                }
            }

            var name = work.Name;
            recurring.AddOrUpdate<TimedJobs>(name, j => j.RunAsync(name, null, CancellationToken.None), work.Cron);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up run of {Work} could not write ({Reason}); its recurring run will settle it.")]
    private static partial void RunDeferred(ILogger logger, string work, string reason);
}
