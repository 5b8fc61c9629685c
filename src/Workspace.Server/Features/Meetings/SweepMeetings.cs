using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// The server's own reminders of meetings, by the injected clock: before each meeting (once per start time), and
/// to the owners of action items before their due day and once overdue, and to agencies that have not answered a
/// poll before its deadline.
/// </summary>
public static class SweepMeetings
{
    /// <param name="MeetingId">One meeting, or every meeting whose reminder is due.</param>
    public sealed record Command(Guid? MeetingId) : ICommand<Result>, ISystemRequest;

    public sealed record Result(int Reminded, int ActionItemsReminded = 0, int PollsReminded = 0);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MeetingId).NotEqual(Guid.Empty);
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, IOptions<MeetingOptions> options) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var before = TimeSpan.FromHours(options.Value.ReminderHoursBefore);
            var horizon = now + before;
            var due = await db.Meetings
                .Where(m => m.Status == MeetingStatus.Scheduled && !m.Reminded && m.StartsAt > now && m.StartsAt <= horizon)
                .Where(m => command.MeetingId == null || m.Id == command.MeetingId)
                .Include(m => m.Rsvps)
                .ToListAsync(cancellationToken);
            var reminded = due.Count(m => m.RemindIfDue(now, before));
            var (itemsReminded, pollsReminded) = (0, 0);
            if (command.MeetingId is null)
            {
                var itemBefore = TimeSpan.FromDays(options.Value.ActionItemReminderDaysBefore);
                var soon = now + itemBefore;
                var items = await db.ActionItems
                    .Where(a => a.Status == ActionItemStatus.Open && ((!a.RemindedBeforeDue && a.DueAt <= soon) || (!a.RemindedOverdue && a.DueAt <= now)))
                    .ToListAsync(cancellationToken);
                itemsReminded = items.Count(a => a.RemindIfDue(now, itemBefore));
                var pollBefore = TimeSpan.FromHours(options.Value.PollReminderHoursBefore);
                var pollHorizon = now + pollBefore;
                var polls = await db.Polls.Include(p => p.Answers)
                    .Where(p => p.Status == PollStatus.Open && !p.Reminded && p.Deadline > now && p.Deadline <= pollHorizon)
                    .ToListAsync(cancellationToken);
                pollsReminded = polls.Count(p => p.RemindIfDue(now, pollBefore));
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Result(reminded, itemsReminded, pollsReminded);
        }
    }
}
