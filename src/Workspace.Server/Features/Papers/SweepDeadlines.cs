using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The server's own timed work on sign-off rounds, by the injected clock: closes silence procedures whose
/// deadline passed, flags unanimous rounds that are overdue, reminds agencies still pending, adopts editorial
/// corrections nobody objected to. Idempotent:
/// it re-reads the state and each step happens once.
/// </summary>
public static class SweepDeadlines
{
    /// <param name="PaperId">One paper, or every paper with an open round.</param>
    public sealed record Command(Guid? PaperId) : ICommand<Result>, ISystemRequest;

    public sealed record Result(int SilencesClosed, int RoundsFlaggedOverdue, int RemindersSent, int CorrectionsAdopted = 0);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.PaperId).NotEqual(Guid.Empty);
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, IOptions<SignOffOptions> options) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hours = options.Value.ReminderHours;
            var earliestReminder = now.AddHours(hours.Count == 0 ? 0 : hours.Max());
            var due = await db.Rounds.AsNoTracking()
                .Where(r => r.Status == RoundStatus.Open && r.Deadline <= earliestReminder)
                .Where(r => command.PaperId == null || r.PaperId == command.PaperId)
                .Select(r => r.PaperId).Distinct().ToListAsync(cancellationToken);

            int closed = 0, overdue = 0, reminded = 0;
            foreach (var paperId in due)
            {
                var paper = await db.LoadAsync(paperId, cancellationToken);
                closed += paper.CloseSilenceIfDue(now) ? 1 : 0;
                overdue += paper.FlagOverdueIfDue(now) ? 1 : 0;
                reminded += paper.RemindIfDue(now, hours) ? 1 : 0;
            }

            // Editorial corrections nobody objected to within their period.
            var adopted = 0;
            var corrections = await db.Corrections
                .Where(c => c.Status == CorrectionStatus.Pending && c.Deadline <= now)
                .Where(c => command.PaperId == null || c.PaperId == command.PaperId)
                .ToListAsync(cancellationToken);
            foreach (var correction in corrections)
            {
                var paper = await db.LoadAsync(correction.PaperId, cancellationToken);
                adopted += paper.AdoptCorrectionIfDue(correction, now) ? 1 : 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Result(closed, overdue, reminded, adopted);
        }
    }
}
