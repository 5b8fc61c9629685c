using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The papers' timed work (<see cref="SweepDeadlines"/>): a round's reminders and its deadline when it opens, a
/// correction's silence period when it is proposed, and every minute as a safety net.
/// </summary>
internal sealed class PaperDeadlines(IOptions<SignOffOptions> options, TimeProvider clock) : ITimedWork
{
    public string Name => "deadline-sweep";

    public string Cron => Hangfire.Cron.Minutely();

    public bool RunsAtStartUp => true;

    public Task RunAsync(IServiceProvider services, Guid? subject, CancellationToken ct) =>
        services.GetRequiredService<IMediator>().Send(new SweepDeadlines.Command(subject), ct);

    public async Task<IReadOnlyList<Moment>> MomentsAsync(WorkspaceDb db, DateTime now, CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open)
            .Select(r => new { r.PaperId, r.Deadline }).ToListAsync(ct);
        var corrections = await db.Corrections.AsNoTracking().Where(c => c.Status == CorrectionStatus.Pending)
            .Select(c => new Moment(c.PaperId, c.Deadline)).ToListAsync(ct);
        return [.. rounds.SelectMany(r => OfRound(r.PaperId, r.Deadline, now)), .. corrections];
    }

    public IEnumerable<Moment> MomentsOf(EventRecord e) =>
        e.TryRead<RoundOpened>(out var opened) ? OfRound(opened.PaperId, opened.Deadline.UtcDateTime, clock.GetUtcNow().UtcDateTime)
        : e.TryRead<CorrectionProposed>(out var correction) ? [new(correction.PaperId, correction.Deadline.UtcDateTime)]
        : [];

    /// <summary>Each reminder still ahead, then the deadline itself.</summary>
    private IEnumerable<Moment> OfRound(Guid paperId, DateTime deadline, DateTime now) =>
        options.Value.ReminderHours.Select(h => deadline.AddHours(-h)).Where(at => at > now).Append(deadline).Select(at => new Moment(paperId, at));
}
