using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Mail;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>The author of a comment follows the sealed link mailed to them: the comment goes to the moderators.</summary>
public static class ConfirmComment
{
    public sealed record Command(string? Token) : ICommand<Confirmed>, IPublicRequest;

    public sealed record Confirmed(Guid ConsultationId, string Title, string Status);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(400);
    }

    internal sealed class Handler(WorkspaceDb db, MailLinks links, TimeProvider clock) : IRequestHandler<Command, Confirmed>
    {
        public async Task<Confirmed> Handle(Command command, CancellationToken cancellationToken)
        {
            // A link not sealed here, or past its consultation's deadline, confirms nothing: as if there were no such comment.
            var commentId = links.ReadCommentConfirmation(command.Token) ?? throw new NotFoundException("comment", "link");
            var comment = await db.ConsultationComments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken) ?? throw new NotFoundException("comment", commentId.ToString());
            var consultation = await db.Consultations.SingleAsync(c => c.Id == comment.ConsultationId, cancellationToken);
            consultation.Confirm(comment, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new Confirmed(consultation.Id, consultation.Title, comment.Status.ToString());
        }
    }

    public static void Map(RouteGroupBuilder consultations) =>
        consultations.MapPost("/comments/confirm", async (string? t, IMediator mediator, CancellationToken ct) => await mediator.Send(new Command(t), ct))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("ConfirmComment")
            .WithSummary("Confirm a comment's address")
            .WithDescription("`t`: the sealed token of the link mailed to the comment's author (until the consultation's deadline). Answers 200 with the comment's status (`Pending`: it waits for moderation); following it twice changes nothing. A link not sealed here or expired → 404.");
}
