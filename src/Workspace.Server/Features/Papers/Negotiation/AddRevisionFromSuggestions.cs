using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The lead folds a chosen set of suggestions into the next revision, in one step.</summary>
public static class AddRevisionFromSuggestions
{
    public sealed record Body(int? BaseRevision, IReadOnlyList<Guid>? AnnotationIds);

    public sealed record Command(Guid PaperId, int? BaseRevision, IReadOnlyList<Guid>? AnnotationIds) : ICommand<FoldedRevision>, IPaperPenHolderRequest, IReadsProjections;

    public sealed record FoldedRevision(int Number, string ContentHash, string Author, DateTimeOffset CreatedAt, IReadOnlyList<Guid> AppliedAnnotationIds);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BaseRevision).NotNull().GreaterThan(0);
            RuleFor(c => c.AnnotationIds).NotEmpty().Must(ids => ids is null || ids.Count <= 500).WithMessage("Choose at most 500 suggestions at a time.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, FoldedRevision>
    {
        public async Task<FoldedRevision> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var ids = command.AnnotationIds!.Distinct().ToList();
            var suggestions = await db.Annotations.VisibleTo(me.AgencyCode).Where(a => a.PaperId == paper.Id && ids.Contains(a.Id)).ToListAsync(cancellationToken);
            if (suggestions.Count != ids.Count)
            {
                throw new FieldRefusedException("annotationIds", $"No such suggestions on this paper: {string.Join(", ", ids.Except(suggestions.Select(s => s.Id)))}.");
            }

            var baseBody = await db.Revisions.Where(r => r.PaperId == paper.Id && r.Number == command.BaseRevision).Select(r => r.Body).SingleOrDefaultAsync(cancellationToken) ?? "";
            var revision = paper.AddRevisionFromSuggestions(command.BaseRevision!.Value, baseBody, suggestions, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Revisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            return new FoldedRevision(revision.Number, revision.ContentHash, revision.Author, revision.CreatedAt.AsUtcInstant(), ids);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/revisions/from-suggestions", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(paperId, body.BaseRevision, body.AnnotationIds), ct);
                return TypedResults.Created($"/api/papers/{paperId}/revisions/{created.Number}", created);
            })
            .WithName("AddRevisionFromSuggestions")
            .WithSummary("Build the next revision from suggestions")
            .WithDescription("`{baseRevision, annotationIds}`: the base revision's text with each chosen suggestion applied; each becomes `Accepted` (a partly accepted one stays so) and the revision records `appliedAnnotationIds`. Overlapping suggestions (409 `overlapping-suggestions`), or one not sent, rejected or on another revision (409 `suggestions-not-applicable`), are named. The lead agency's people only. After any new revision, open items whose passage no longer stands unchanged in its block become `Outdated`; the others move to the new revision.");
}
