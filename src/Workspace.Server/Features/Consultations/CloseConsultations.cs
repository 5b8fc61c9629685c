using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>The server's own timed work on public consultations: those whose deadline came are closed. Idempotent.</summary>
public static class CloseConsultations
{
    /// <param name="ConsultationId">One consultation, or every open one.</param>
    public sealed record Command(Guid? ConsultationId) : ICommand<Result>, ISystemRequest;

    public sealed record Result(int Closed);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.ConsultationId).NotEqual(Guid.Empty);
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Consultations
                .Where(c => c.Status == ConsultationStatus.Open && c.Deadline <= now)
                .Where(c => command.ConsultationId == null || c.Id == command.ConsultationId)
                .ToListAsync(cancellationToken);
            var closed = due.Count(c => c.CloseIfDue(now));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(closed);
        }
    }
}

/// <summary>A consultation's deadline, put on the schedule when it opens, and a minutely safety net.</summary>
internal sealed class ConsultationDeadlines : ITimedWork
{
    public string Name => "consultation-deadlines";

    public string Cron => Hangfire.Cron.Minutely();

    public bool RunsAtStartUp => true;

    public Task RunAsync(IServiceProvider services, Guid? subject, CancellationToken ct) =>
        services.GetRequiredService<IMediator>().Send(new CloseConsultations.Command(subject), ct);

    public async Task<IReadOnlyList<Moment>> MomentsAsync(WorkspaceDb db, DateTime now, CancellationToken ct) =>
        await db.Consultations.AsNoTracking().Where(c => c.Status == ConsultationStatus.Open)
            .Select(c => new Moment(c.Id, c.Deadline)).ToListAsync(ct);

    public IEnumerable<Moment> MomentsOf(EventRecord e) =>
        e.TryRead<ConsultationOpened>(out var opened) ? [new(opened.ConsultationId, opened.Deadline.UtcDateTime)] : [];
}
