using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>A consultation as anyone reads it: the text under consultation and the approved comments, never an address.</summary>
public static class GetConsultation
{
    public sealed record Query(Guid ConsultationId) : IQuery<ConsultationView>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db, ILogger<Handler> logger) : IRequestHandler<Query, ConsultationView>
    {
        public async Task<ConsultationView> Handle(Query query, CancellationToken cancellationToken)
        {
            var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ConsultationId, cancellationToken)
                ?? throw new NotFoundException("consultation", query.ConsultationId.ToString());
            var body = await db.Revisions.AsNoTracking().Where(r => r.PaperId == consultation.PaperId && r.Number == consultation.RevisionNumber)
                .Select(r => r.Body).SingleAsync(cancellationToken);
            (await PaperLog.ReadAsync(db, consultation.PaperId, cancellationToken)).EnsureRevision(consultation.RevisionNumber, body, logger);
            var comments = await db.ConsultationComments.AsNoTracking()
                .Where(c => c.ConsultationId == consultation.Id && c.Status == CommentStatus.Approved)
                .OrderBy(c => c.CreatedAt)
                .Select(c => new { c.Id, c.Name, c.Organization, c.Text, c.Section, c.CreatedAt })
                .ToListAsync(cancellationToken);
            return new ConsultationView(consultation.Id, consultation.PaperId, consultation.Title, consultation.RevisionNumber, consultation.ContentHash, body,
                consultation.Deadline.AsUtcInstant(), consultation.Status,
                [.. comments.Select(c => new PublicComment(c.Id, c.Name, c.Organization, c.Text, c.Section, c.CreatedAt.AsUtcInstant()))]);
        }
    }

    public static void Map(RouteGroupBuilder consultations) =>
        consultations.MapGet("/{consultationId:guid}", (Guid consultationId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(consultationId), ct))
            .AllowAnonymous()
            .WithName("GetConsultation")
            .WithSummary("A public consultation")
            .WithDescription("No sign-in. The text under consultation, its deadline and status, and the comments a moderator approved (name, organization, text, section; never an address).");
}
