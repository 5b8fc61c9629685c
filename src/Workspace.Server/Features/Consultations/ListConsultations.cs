using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>The public consultations on a paper, newest first, with how many comments each has by status.</summary>
public static class ListConsultations
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<ConsultationSummary>>, IPaperViewerRequest;

    public sealed record ConsultationSummary(Guid Id, int Revision, DateTimeOffset Deadline, ConsultationStatus Status, IReadOnlyDictionary<CommentStatus, int> Comments);

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<ConsultationSummary>>
    {
        public async Task<IReadOnlyList<ConsultationSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var consultations = await db.Consultations.AsNoTracking().Where(c => c.PaperId == query.PaperId).OrderByDescending(c => c.OpenedAt)
                .Select(c => new { c.Id, c.RevisionNumber, c.Deadline, c.Status }).ToListAsync(cancellationToken);
            var ids = consultations.Select(c => c.Id).ToList();
            var counts = (await db.ConsultationComments.AsNoTracking().Where(c => ids.Contains(c.ConsultationId))
                    .GroupBy(c => new { c.ConsultationId, c.Status }).Select(g => new { g.Key.ConsultationId, g.Key.Status, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.ConsultationId);
            return [.. consultations.Select(c => new ConsultationSummary(c.Id, c.RevisionNumber, c.Deadline.AsUtcInstant(), c.Status,
                counts[c.Id].ToDictionary(x => x.Status, x => x.Count)))];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/consultations", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithTags("Consultations")
            .WithName("ListConsultations")
            .WithSummary("The public consultations on a paper")
            .WithDescription("Participants and the secretariat. Newest first, each with its revision, deadline, status and the number of comments by status.");
}
