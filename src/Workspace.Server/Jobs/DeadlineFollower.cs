using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Jobs;

/// <summary>
/// Puts on the schedule what committed events bring: a round's reminders and deadline when it opens, a
/// correction's deadline when it is proposed, a consultation's when it opens, a
/// meeting's reminder when it is scheduled or moved. Jobs re-check the state when they run, so a job for a
/// round since cancelled, or a meeting since moved, finds nothing to do.
/// </summary>
internal sealed class DeadlineFollower(DeadlineSchedule schedule) : ILogFollower
{
    public void Follow(EventRecord e)
    {
        if (e.TryRead<RoundOpened>(out var opened))
        {
            schedule.ScheduleRound(opened.PaperId, opened.Deadline.UtcDateTime);
        }
        else if (e.TryRead<CorrectionProposed>(out var correction))
        {
            // The deadline of a correction's silence period is swept like a round's.
            schedule.ScheduleDeadline(correction.PaperId, correction.Deadline.UtcDateTime);
        }
        else if (e.TryRead<ConsultationOpened>(out var consultation))
        {
            schedule.ScheduleDeadline(consultation.PaperId, consultation.Deadline.UtcDateTime);
        }
        else if (e.TryRead<MeetingScheduled>(out var scheduled))
        {
            schedule.ScheduleMeeting(scheduled.MeetingId, scheduled.StartsAt.UtcDateTime);
        }
        else if (e.TryRead<MeetingRescheduled>(out var moved))
        {
            schedule.ScheduleMeeting(moved.MeetingId, moved.StartsAt.UtcDateTime);
        }
    }
}
