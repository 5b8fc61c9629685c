using Hangfire;
using Hangfire.Storage;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Features.Papers;

namespace Workspace.Server.Jobs;

/// <summary>
/// Puts a round's moments (each reminder, the deadline) on Hangfire's schedule. Times are measured against
/// the injected clock. Every job only runs <see cref="SweepDeadlines"/>, which re-checks the state, so a job
/// that runs early, late or twice does no harm. Each moment is claimed in the jobs' storage before it is
/// scheduled, so that where that storage is shared (PostgreSQL) the nodes that all follow the log, and each
/// node's start-up, schedule it once between them.
/// </summary>
public sealed class DeadlineSchedule(IBackgroundJobClient jobs, JobStorage storage, TimeProvider clock, IOptions<SignOffOptions> options, IOptions<MeetingOptions> meetings)
{
    /// <summary>The reminder before a meeting; rescheduling adds a new one and the old one finds nothing due.</summary>
    public void ScheduleMeeting(Guid meetingId, DateTime startsAt)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var at = startsAt.AddHours(-meetings.Value.ReminderHoursBefore);
        if (Claim($"meeting:{meetingId:N}:{at.Ticks}", at, now))
        {
            jobs.Schedule<DeadlineJobs>(j => j.SweepMeetingsAsync(meetingId, CancellationToken.None), Until(at, now));
        }
    }

    public void ScheduleRound(Guid paperId, DateTime deadline)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var at in options.Value.ReminderHours.Select(h => deadline.AddHours(-h)).Where(at => at > now).Append(deadline))
        {
            ScheduleDeadline(paperId, at);
        }
    }

    /// <summary>One moment on which a paper's deadlines are swept: a round's reminder or deadline, the end of a correction's silence period.</summary>
    public void ScheduleDeadline(Guid paperId, DateTime at)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Claim($"round:{paperId:N}:{at.Ticks}", at, now))
        {
            jobs.Schedule<DeadlineJobs>(j => j.SweepAsync(paperId, CancellationToken.None), Until(at, now));
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
/// What Hangfire runs for deadlines: the sweeps of a paper's moments (reminders, a round's end, a correction's
/// silence) and of a meeting's reminder, as MediatR commands of the system, each in a scope of its own.
/// </summary>
public sealed class DeadlineJobs(IMediator mediator)
{
    [AutomaticRetry(Attempts = 3)]
    public Task SweepAsync(Guid? paperId, CancellationToken cancellationToken) =>
        mediator.Send(new SweepDeadlines.Command(paperId), cancellationToken);

    [AutomaticRetry(Attempts = 3)]
    public Task SweepMeetingsAsync(Guid? meetingId, CancellationToken cancellationToken) =>
        mediator.Send(new SweepMeetings.Command(meetingId), cancellationToken);
}

/// <summary>
/// At start-up, rebuilds the schedule from the database (Hangfire's storage is in memory), sweeps once for
/// anything that fell due while the server was down, and keeps a sweep every minute as a safety net.
/// </summary>
internal sealed partial class DeadlineScheduleRestorer(
    IServiceScopeFactory scopes, IRecurringJobManager recurring, StorageMode storage, ILogger<DeadlineScheduleRestorer> logger) : IHostedService
{
    public const string SweepJobId = "deadline-sweep";
    public const string MeetingSweepJobId = "meeting-reminder-sweep";
    public const string IdempotencyPurgeJobId = "idempotency-key-purge";
    public const string MailDeliveryJobId = "mail-delivery";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.ReadOnly)
        {
            // Nothing timed can be settled without writing; a writable restart catches up.
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var schedule = scope.ServiceProvider.GetRequiredService<DeadlineSchedule>();
        var open = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open)
            .Select(r => new { r.PaperId, r.Deadline }).ToListAsync(cancellationToken);
        foreach (var round in open)
        {
            schedule.ScheduleRound(round.PaperId, round.Deadline);
        }

        var corrections = await db.Corrections.AsNoTracking().Where(c => c.Status == CorrectionStatus.Pending)
            .Select(c => new { c.PaperId, c.Deadline }).ToListAsync(cancellationToken);
        foreach (var correction in corrections)
        {
            schedule.ScheduleDeadline(correction.PaperId, correction.Deadline);
        }

        var consultations = await db.Consultations.AsNoTracking().Where(c => c.Status == Domain.Consultations.ConsultationStatus.Open)
            .Select(c => new { c.PaperId, c.Deadline }).ToListAsync(cancellationToken);
        foreach (var consultation in consultations)
        {
            schedule.ScheduleDeadline(consultation.PaperId, consultation.Deadline);
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var upcoming = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Scheduled && !m.Reminded && m.StartsAt > now)
            .Select(m => new { m.Id, m.StartsAt }).ToListAsync(cancellationToken);
        foreach (var meeting in upcoming)
        {
            schedule.ScheduleMeeting(meeting.Id, meeting.StartsAt);
        }

        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            await mediator.Send(new SweepDeadlines.Command(null), cancellationToken);
            await mediator.Send(new SweepMeetings.Command(null), cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // A full disk must not keep the server from starting to serve reads; the minutely sweep catches up.
            SweepDeferred(logger, StorageFailure.Describe(e));
        }
        recurring.AddOrUpdate<DeadlineJobs>(SweepJobId, j => j.SweepAsync(null, CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<DeadlineJobs>(MeetingSweepJobId, j => j.SweepMeetingsAsync(null, CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<Features.Mail.DigestJobs>(MailDeliveryJobId, j => j.GatherAndDeliverMailAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<Pipeline.PipelineJobs>(IdempotencyPurgeJobId, j => j.PurgeIdempotencyKeysAsync(CancellationToken.None), Cron.Hourly());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up sweep of deadlines could not write ({Reason}); the minutely sweep will settle them.")]
    private static partial void SweepDeferred(ILogger logger, string reason);
}
