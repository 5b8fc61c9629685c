using System.Text.Json;
using Workspace.Server.Data;

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
        switch (e.Type)
        {
            case "paper.round-opened":
                using (var data = JsonDocument.Parse(e.Data))
                {
                    schedule.ScheduleRound(data.RootElement.GetProperty("paperId").GetGuid(), data.RootElement.GetProperty("deadline").GetDateTimeOffset().UtcDateTime);
                }

                break;
            case "paper.correction-proposed" or "consultation.opened":
                // The deadline of a correction's silence period is swept like a round's.
                using (var data = JsonDocument.Parse(e.Data))
                {
                    schedule.ScheduleDeadline(data.RootElement.GetProperty("paperId").GetGuid(), data.RootElement.GetProperty("deadline").GetDateTimeOffset().UtcDateTime);
                }

                break;
            case "meeting.scheduled" or "meeting.rescheduled":
                using (var data = JsonDocument.Parse(e.Data))
                {
                    schedule.ScheduleMeeting(data.RootElement.GetProperty("meetingId").GetGuid(), data.RootElement.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime);
                }

                break;
        }
    }
}
