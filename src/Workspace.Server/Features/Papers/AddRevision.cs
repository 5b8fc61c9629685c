using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A participant saves the next text of the paper on top of the revision they read.</summary>
public static class AddRevision
{
    public const int MaxBodyLength = 400_000;

    public sealed record Request(int? BaseRevision, string Body);

    public sealed record Command(Guid PaperId, int? BaseRevision, [MultiLine] string Body) : ICommand<RevisionSummary>, IPaperParticipantRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BaseRevision).NotNull().GreaterThanOrEqualTo(0);
            RuleFor(c => c.Body).NotNull().MaximumLength(MaxBodyLength);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, RevisionSummary>
    {
        public async Task<RevisionSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var revision = paper.AddRevision(command.BaseRevision!.Value, command.Body, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Revisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            return new RevisionSummary(revision.Number, revision.ContentHash, revision.Author, revision.CreatedAt.AsUtcInstant());
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/revisions", async (Guid paperId, Request body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(paperId, body.BaseRevision, body.Body), ct);
                return TypedResults.Created($"/api/papers/{paperId}/revisions/{created.Number}", created);
            })
            .WithName("AddRevision")
            .WithSummary("Save a new revision")
            .WithDescription("Markdown `body` written on top of `baseRevision` (0 for the first). If `baseRevision` is not the latest → 409 `stale-revision` with `currentRevision`: nobody's changes are lost. During sign-off a new revision cancels the round and voids its sign-offs. Participants only; none after sign-off.");
}
