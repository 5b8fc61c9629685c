using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The tracking board: every paper the caller may see (the secretariat: all) with its latest round and
/// each participating agency's status. One query, whatever the number of papers and agencies.
/// </summary>
public static class GetSignOffStatus
{
    public sealed record Query : IQuery<IReadOnlyList<BoardRow>>, ISignedInRequest;

    public sealed record BoardAgency(string AgencyCode, AgencySignOffStatus Status, DateTimeOffset? At);

    public sealed record BoardRound(int Number, int Revision, Procedure Procedure, DateTimeOffset Deadline, RoundStatus Status, bool Overdue,
        IReadOnlyList<BoardAgency> Agencies);

    public sealed record BoardRow(Guid PaperId, string Title, PaperKind Kind, PaperState State, string LeadAgencyCode,
        IReadOnlyList<string> ParticipatingAgencyCodes, BoardRound? Round);

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<BoardRow>>
    {
        public async Task<IReadOnlyList<BoardRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await (
                from p in db.Papers.AsNoTracking().VisibleTo(me)
                join r in db.Rounds on new { PaperId = p.Id, Number = p.LastRoundNumber } equals new { r.PaperId, r.Number } into latest
                from r in latest.DefaultIfEmpty()
                select new
                {
                    p.Id,
                    p.Title,
                    p.Kind,
                    p.State,
                    p.LeadAgencyCode,
                    p.ParticipatingAgencyCodes,
                    Round = r == null ? null : new
                    {
                        r.Number,
                        r.RevisionNumber,
                        r.Procedure,
                        r.Deadline,
                        r.Status,
                        r.Overdue,
                        Agencies = r.Agencies.Select(a => new { a.AgencyCode, a.Status, a.At }).ToList(),
                    },
                }).ToListAsync(cancellationToken);

            return [.. rows
                .Select(p => new BoardRow(p.Id, p.Title, p.Kind, p.State, p.LeadAgencyCode, p.ParticipatingAgencyCodes,
                    p.Round is not { } r ? null : new BoardRound(r.Number, r.RevisionNumber, r.Procedure, r.Deadline.AsUtcInstant(), r.Status, r.Overdue,
                        [.. r.Agencies.OrderBy(a => a.AgencyCode, StringComparer.Ordinal).Select(a => new BoardAgency(a.AgencyCode, a.Status, a.At?.AsUtcInstant()))])))
                .OrderBy(row => row.State == PaperState.InSignOff ? 0 : 1)
                .ThenBy(row => row.State == PaperState.InSignOff ? row.Round!.Deadline : DateTimeOffset.MaxValue)
                .ThenBy(row => row.Title, StringComparer.CurrentCulture)];
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/sign-off-status", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithTags("Papers")
            .WithName("GetSignOffStatus")
            .WithSummary("Sign-off board")
            .WithDescription("Every paper you may see (the secretariat: all) with its latest round: deadline, overdue, and each participating agency's status. Papers in sign-off first, nearest deadline first.");
}
