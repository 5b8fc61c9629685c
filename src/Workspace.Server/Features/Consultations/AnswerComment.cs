using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>A moderator links a public comment to the revision of the paper that answers it.</summary>
public static class AnswerComment
{
    public sealed record Body(int? Revision);

    public sealed record Command(Guid CommentId, int? Revision) : ICommand<ModeratedComment>, IConsultationCommentModeratorRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, ModeratedComment>
    {
        public async Task<ModeratedComment> Handle(Command command, CancellationToken cancellationToken)
        {
            var comment = await db.ConsultationComments.SingleAsync(c => c.Id == command.CommentId, cancellationToken);
            var consultation = await db.Consultations.SingleAsync(c => c.Id == comment.ConsultationId, cancellationToken);
            var latest = await db.Papers.Where(p => p.Id == consultation.PaperId).Select(p => p.LatestRevisionNumber).SingleAsync(cancellationToken);
            consultation.Answer(comment, command.Revision!.Value, latest, me.AsActor());
            await db.SaveChangesAsync(cancellationToken);
            return ModeratedComment.Of(comment);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/consultation-comments/{commentId:guid}/answer", async (Guid commentId, Body body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Command(commentId, body.Revision), ct))
            .WithTags("Consultations")
            .WithName("AnswerComment")
            .WithSummary("Link a public comment to the revision that answers it")
            .WithDescription("`revision`: a revision of the paper later than the one under consultation (else 409 `unknown-revision`). The paper's agencies and the secretariat.");
}
