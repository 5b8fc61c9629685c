using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class ListPapers
{
    public sealed record Query : IQuery<IReadOnlyList<PaperSummary>>, ISignedInRequest;

    public sealed record PaperSummary(Guid Id, string Title, PaperKind Kind, PaperState State, string LeadAgencyCode,
        IReadOnlyList<string> ParticipatingAgencyCodes, int LatestRevision, DateTimeOffset CreatedAt);

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<PaperSummary>>
    {
        public Task<IReadOnlyList<PaperSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            db.Papers.AsNoTracking().VisibleTo(me).SummariesAsync(cancellationToken);
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("ListPapers")
            .WithSummary("Papers I may see")
            .WithDescription("Papers your agency participates in (the secretariat sees all), newest first.");
}

internal static class PaperVisibility
{
    /// <summary>Participants and the secretariat see a paper; nobody else learns it exists.</summary>
    public static IQueryable<Paper> VisibleTo(this IQueryable<Paper> papers, ICurrentUser me)
    {
        if (me.IsSecretariat)
        {
            return papers;
        }

        var agency = me.AgencyCode;
        return papers.Where(p => p.ParticipatingAgencyCodes.Contains(agency));
    }

    /// <summary>The papers as list entries, newest first.</summary>
    public static async Task<IReadOnlyList<ListPapers.PaperSummary>> SummariesAsync(this IQueryable<Paper> papers, CancellationToken ct)
    {
        var rows = await papers.OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Title, p.Kind, p.State, p.LeadAgencyCode, p.ParticipatingAgencyCodes, p.LatestRevisionNumber, p.CreatedAt })
            .ToListAsync(ct);
        return [.. rows.Select(p => new ListPapers.PaperSummary(p.Id, p.Title, p.Kind, p.State, p.LeadAgencyCode, p.ParticipatingAgencyCodes,
            p.LatestRevisionNumber, p.CreatedAt.AsUtcInstant()))];
    }
}
