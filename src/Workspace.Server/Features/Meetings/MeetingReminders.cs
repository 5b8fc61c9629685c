using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// The meetings' timed work (<see cref="SweepMeetings"/>): the reminder before a meeting, put on the schedule when
/// it is scheduled or moved (the old moment then finds nothing due), and every minute as a safety net.
/// </summary>
internal sealed class MeetingReminders(IOptions<MeetingOptions> options) : ITimedWork
{
    public string Name => "meeting-reminder-sweep";

    public string Cron => Hangfire.Cron.Minutely();

    public bool RunsAtStartUp => true;

    public Task RunAsync(IServiceProvider services, Guid? subject, CancellationToken ct) =>
        services.GetRequiredService<IMediator>().Send(new SweepMeetings.Command(subject), ct);

    public async Task<IReadOnlyList<Moment>> MomentsAsync(WorkspaceDb db, DateTime now, CancellationToken ct)
    {
        var upcoming = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Scheduled && !m.Reminded && m.StartsAt > now)
            .Select(m => new { m.Id, m.StartsAt }).ToListAsync(ct);
        return [.. upcoming.Select(m => Before(m.Id, m.StartsAt))];
    }

    public IEnumerable<Moment> MomentsOf(EventRecord e) =>
        e.TryRead<MeetingScheduled>(out var scheduled) ? [Before(scheduled.MeetingId, scheduled.StartsAt.UtcDateTime)]
        : e.TryRead<MeetingRescheduled>(out var moved) ? [Before(moved.MeetingId, moved.StartsAt.UtcDateTime)]
        : [];

    private Moment Before(Guid meetingId, DateTime startsAt) => new(meetingId, startsAt.AddHours(-options.Value.ReminderHoursBefore));
}
