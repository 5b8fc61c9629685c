using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>The paper's lead agency or the secretariat approves a comment (it shows publicly), rejects it with a reason, or marks it as spam.</summary>
public static class ModerateComment
{
    public sealed record Body(ModerationDecision? Decision, string? Reason);

    public sealed record Command(Guid CommentId, ModerationDecision? Decision, [MultiLine] string? Reason) : ICommand<ModeratedComment>, IConsultationCommentDecisionRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).NotNull().IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision == ModerationDecision.Reject).WithMessage("A rejection says why.");
            RuleFor(c => c.Reason).MaximumLength(2_000);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ModeratedComment>
    {
        public async Task<ModeratedComment> Handle(Command command, CancellationToken cancellationToken)
        {
            var comment = await db.ConsultationComments.SingleAsync(c => c.Id == command.CommentId, cancellationToken);
            var consultation = await db.Consultations.SingleAsync(c => c.Id == comment.ConsultationId, cancellationToken);
            consultation.Moderate(comment, command.Decision!.Value, command.Reason, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return ModeratedComment.Of(comment);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/consultation-comments/{commentId:guid}/moderation", async (Guid commentId, Body body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Command(commentId, body.Decision, body.Reason), ct))
            .WithTags("Consultations")
            .WithName("ModerateComment")
            .WithSummary("Moderate a public comment")
            .WithDescription("`decision`: Approve (the comment shows on the public page), Reject (with a `reason`) or Spam. The paper's lead agency and the secretariat (other participating agencies 403, anyone else 404). A comment whose author has not confirmed → 409 `comment-unconfirmed`. A decision may be changed.");
}
