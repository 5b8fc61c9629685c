using Workspace.Server.Domain.Papers;
using static Workspace.Server.Features.Papers.GetSignOffStatus;

namespace Workspace.Server.Features.Papers.Pages;

/// <summary>
/// The open rounds across papers as the secretariat chases them: those an objection blocks, those past their deadline,
/// those ending within a week, each once (in that order), soonest deadline first, with the agencies each still waits for.
/// </summary>
public sealed record RoundsOverview(IReadOnlyList<BoardRow> Blocked, IReadOnlyList<BoardRow> Overdue, IReadOnlyList<BoardRow> EndingSoon, int Open)
{
    public static readonly TimeSpan Soon = TimeSpan.FromDays(7);

    public static RoundsOverview Of(IEnumerable<BoardRow> board, DateTimeOffset now)
    {
        var open = board.Where(p => p.Round is { Status: RoundStatus.Open }).OrderBy(p => p.Round!.Deadline).ToList();
        var blocked = open.Where(p => Objecting(p).Count > 0).ToList();
        var overdue = open.Except(blocked).Where(p => p.Round!.Overdue || p.Round.Deadline <= now).ToList();
        var soon = open.Except(blocked).Except(overdue).Where(p => p.Round!.Deadline - now <= Soon).ToList();
        return new RoundsOverview(blocked, overdue, soon, open.Count);
    }

    /// <summary>The agencies the round still waits for (not answered, or clearing the text inside).</summary>
    public static IReadOnlyList<string> Awaited(BoardRow paper) =>
        [.. paper.Round!.Agencies.Where(a => a.Status is AgencySignOffStatus.Pending or AgencySignOffStatus.InClearance).Select(a => a.AgencyCode)];

    /// <summary>The agencies that objected in the round.</summary>
    public static IReadOnlyList<string> Objecting(BoardRow paper) =>
        [.. paper.Round!.Agencies.Where(a => a.Status == AgencySignOffStatus.Objected).Select(a => a.AgencyCode)];
}
