using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The comments and suggestions on a paper the caller may see: every sent one, and their own agency's drafts.</summary>
public static class ListAnnotations
{
    public sealed record Query(Guid PaperId, int? Revision = null, AnnotationStatus? Status = null, string? Agency = null) : IQuery<IReadOnlyList<AnnotationView>>, IPaperViewerRequest, IReadsProjections;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<AnnotationView>>
    {
        public async Task<IReadOnlyList<AnnotationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var agency = query.Agency?.Trim().ToUpperInvariant();
            var rows = await db.Annotations.AsNoTracking().VisibleTo(me.AgencyCode)
                .Where(a => a.PaperId == query.PaperId)
                .Where(a => query.Revision == null || a.Revision == query.Revision)
                .Where(a => query.Status == null || a.Status == query.Status)
                .Where(a => agency == null || a.AgencyCode == agency)
                .OrderBy(a => a.Revision).ThenBy(a => a.Start).ThenBy(a => a.CreatedAt)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(AnnotationView.Of)];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/annotations", (Guid paperId, int? revision, AnnotationStatus? status, string? agency, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(paperId, revision, status, agency), ct))
            .WithName("ListAnnotations")
            .WithSummary("Comments and suggestions on passages")
            .WithDescription("Those you may see, in the order of the text: every sent one, and your own agency's drafts (nobody else's). Filters: `revision`, `status`, `agency`.");
}
