using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The editorial corrections proposed to a paper, newest first, with what became of each.</summary>
public static class ListCorrections
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<CorrectionView>>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<CorrectionView>>
    {
        public async Task<IReadOnlyList<CorrectionView>> Handle(Query query, CancellationToken cancellationToken) =>
            [.. (await db.Corrections.AsNoTracking().Where(c => c.PaperId == query.PaperId).OrderByDescending(c => c.RevisionNumber).ToListAsync(cancellationToken))
                .Select(CorrectionView.Of)];
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/corrections", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("ListCorrections")
            .WithSummary("Editorial corrections of a paper")
            .WithDescription("Newest first: the revision carrying it, the approved revision it corrects, the deadline for objections, its status (Pending, Adopted, Objected) and any objection.");
}

/// <summary>An editorial correction and what became of it.</summary>
public sealed record CorrectionView(Guid PaperId, int Revision, int CorrectedRevision, string ContentHash, CorrectionStatus Status, DateTimeOffset Deadline,
    IReadOnlyList<string> SignatoryAgencyCodes, string ProposedBy, DateTimeOffset ProposedAt, DateTimeOffset? ClosedAt,
    string? ObjectedByAgencyCode, string? ObjectedBy, string? ObjectedOnBehalfOf, string? Objection)
{
    public static CorrectionView Of(Correction c) => new(c.PaperId, c.RevisionNumber, c.CorrectedRevisionNumber, c.ContentHash, c.Status, c.Deadline.AsUtcInstant(),
        c.SignatoryAgencyCodes, c.ProposedBy, c.ProposedAt.AsUtcInstant(), c.ClosedAt?.AsUtcInstant(), c.ObjectedByAgencyCode, c.ObjectedBy, c.ObjectedOnBehalfOf, c.Objection);
}
