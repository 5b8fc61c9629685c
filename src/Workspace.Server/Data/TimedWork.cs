namespace Workspace.Server.Data;

/// <summary>
/// An area's timed work: what must happen at moments (a round's reminders and deadline, a meeting's reminder) and
/// every so often as a safety net. The area says which moments the database holds and which moments a committed
/// event brings; the jobs put them on the schedule, re-derive them at start-up and run the work, so no job knows
/// an area. The work re-checks the state when it runs, so a run that comes early, late or twice does no harm.
/// </summary>
public interface ITimedWork
{
    /// <summary>Stable: it names the recurring job and the moments claimed in the jobs' storage.</summary>
    string Name { get; }

    /// <summary>The safety net's schedule, as a cron expression (minutely, hourly).</summary>
    string Cron { get; }

    /// <summary>Whether the work runs once at start-up, for what fell due while the server was down.</summary>
    bool RunsAtStartUp => false;

    /// <summary>Does the work for one subject at its moment, or for every subject when <paramref name="subject"/> is null.</summary>
    Task RunAsync(IServiceProvider services, Guid? subject, CancellationToken ct);

    /// <summary>The moments still ahead as the database holds them (at start-up; the jobs' storage may be in memory).</summary>
    Task<IReadOnlyList<Moment>> MomentsAsync(WorkspaceDb db, DateTime now, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Moment>>([]);

    /// <summary>The moments a committed event brings.</summary>
    IEnumerable<Moment> MomentsOf(EventRecord e) => [];
}

/// <summary>When timed work is due for one subject (a paper, a meeting), in UTC.</summary>
public readonly record struct Moment(Guid Subject, DateTime At);
