using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>Every comment of a consultation with its status, for those who moderate it.</summary>
public static class ListCommentsForModeration
{
    public sealed record Query(Guid ConsultationId) : IQuery<IReadOnlyList<ModeratedComment>>, IConsultationModeratorRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<ModeratedComment>>
    {
        public async Task<IReadOnlyList<ModeratedComment>> Handle(Query query, CancellationToken cancellationToken) =>
            [.. (await db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == query.ConsultationId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken))
                .Select(ModeratedComment.Of)];
    }

    public static void Map(RouteGroupBuilder consultations) =>
        consultations.MapGet("/{consultationId:guid}/moderation", (Guid consultationId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(consultationId), ct))
            .WithName("ListCommentsForModeration")
            .WithSummary("Every comment of a consultation, for moderation")
            .WithDescription("The paper's participating agencies and the secretariat (anyone else 404): every comment, oldest first, with its author's address and `status` (Unconfirmed, Pending, Approved, Rejected, Spam).");
}
