using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>Participants and the secretariat comment on a revision they read.</summary>
public static class AddComment
{
    public sealed record Body(int? Revision, string Text);

    public sealed record Command(Guid PaperId, int? Revision, [MultiLine] string Text) : ICommand<CommentView>, IPaperViewerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.Text).NotEmpty().MaximumLength(10_000);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, CommentView>
    {
        public async Task<CommentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAloneAsync(command.PaperId, cancellationToken);
            var comment = paper.AddComment(command.Revision!.Value, command.Text, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            return new CommentView(comment.Id, comment.RevisionNumber, comment.Text, comment.Author, comment.AuthorAgencyCode, comment.CreatedAt.AsUtcInstant());
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/comments", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(paperId, body.Revision, body.Text), ct);
                return TypedResults.Created($"/api/papers/{paperId}/comments", created);
            })
            .WithName("AddComment")
            .WithSummary("Comment on a revision")
            .WithDescription("A remark on one revision. Participants and the secretariat; not once the paper is published or withdrawn.");
}
