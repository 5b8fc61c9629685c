using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class ListPapers
{
    /// <param name="Skip">Entries to pass over, newest first.</param>
    /// <param name="Take">Entries at most; null: all (the pages).</param>
    public sealed record Query(int Skip = 0, int? Take = null) : IQuery<IReadOnlyList<PaperSummary>>, ISignedInRequest;

    public sealed record PaperSummary(Guid Id, string Title, PaperKind Kind, PaperState State, string LeadAgencyCode,
        IReadOnlyList<string> ParticipatingAgencyCodes, int LatestRevision, DateTimeOffset CreatedAt);

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<PaperSummary>>
    {
        public Task<IReadOnlyList<PaperSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            db.Papers.AsNoTracking().VisibleTo(me).SummariesAsync(cancellationToken, query.Skip, query.Take);
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct, int? limit = null, int? offset = null) =>
            {
                var page = Http.Paging.From(limit, offset);
                return Http.Paging.Answer(http, page, await mediator.Send(new Query(page.Offset, page.Take), ct));
            })
            .WithName("ListPapers")
            .WithSummary("Papers I may see")
            .WithDescription("Papers your agency participates in (the secretariat sees all), newest first, a page at a time: `limit` (1–500, default 100) from `offset`; `Link: <…>; rel=\"next\"` while more follow.");
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
    public static async Task<IReadOnlyList<ListPapers.PaperSummary>> SummariesAsync(this IQueryable<Paper> papers, CancellationToken ct, int skip = 0, int? take = null)
    {
        var ordered = papers.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Skip(skip);
        var rows = await (take is { } most ? ordered.Take(most) : ordered)
            .Select(p => new { p.Id, p.Title, p.Kind, p.State, p.LeadAgencyCode, p.ParticipatingAgencyCodes, p.LatestRevisionNumber, p.CreatedAt })
            .ToListAsync(ct);
        return [.. rows.Select(p => new ListPapers.PaperSummary(p.Id, p.Title, p.Kind, p.State, p.LeadAgencyCode, p.ParticipatingAgencyCodes,
            p.LatestRevisionNumber, p.CreatedAt.AsUtcInstant()))];
    }
}
