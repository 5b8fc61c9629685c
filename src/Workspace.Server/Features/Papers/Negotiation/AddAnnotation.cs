using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A participant comments on, or suggests a change to, a passage of one paragraph: a draft of their agency's until it sends it.</summary>
public static class AddAnnotation
{
    public sealed record Body(int? Revision, string? BlockId, string? Quote, int? Occurrence, AnnotationKind? Kind, string? Text, string? Justification);

    public sealed record Command(Guid PaperId, int? Revision, string? BlockId, [MultiLine] string? Quote, int? Occurrence, AnnotationKind? Kind,
        [MultiLine] string? Text, [MultiLine] string? Justification) : ICommand<AnnotationView>, IPaperParticipantRequest, IReadsProjections;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Revision).NotNull().GreaterThan(0);
            RuleFor(c => c.BlockId).NotEmpty().MaximumLength(24);
            RuleFor(c => c.Quote).NotEmpty().MaximumLength(5_000);
            RuleFor(c => c.Occurrence).InclusiveBetween(1, 1_000);
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.Text).MaximumLength(20_000);
            RuleFor(c => c.Text).NotEmpty().When(c => c.Kind is AnnotationKind.Replace or AnnotationKind.Insert or AnnotationKind.Comment)
                .WithMessage(c => c.Kind == AnnotationKind.Comment ? "Write the comment." : "Write the words you propose.");
            RuleFor(c => c.Justification).MaximumLength(5_000);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, AnnotationView>
    {
        public async Task<AnnotationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.Papers.AsNoTracking().SingleAsync(p => p.Id == command.PaperId, cancellationToken);
            var revision = command.Revision!.Value;
            paper.EnsureAnnotatable(revision);
            var block = await db.RevisionBlocks.AsNoTracking()
                .SingleOrDefaultAsync(b => b.PaperId == paper.Id && b.Revision == revision && b.BlockId == command.BlockId, cancellationToken)
                ?? throw new FieldRefusedException("blockId", $"Revision {revision} has no block \"{command.BlockId}\". Read its blocks again.");
            var annotation = Annotation.Draft(paper.Id, revision, block.ToBlock(), command.Quote!, command.Occurrence ?? 1, command.Kind!.Value,
                command.Kind == AnnotationKind.Delete ? null : command.Text, command.Justification, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync(cancellationToken);
            return AnnotationView.Of(annotation);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/annotations", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(paperId, body.Revision, body.BlockId, body.Quote, body.Occurrence, body.Kind, body.Text, body.Justification), ct);
                return TypedResults.Created($"/api/annotations/{created.Id}", created);
            })
            .WithName("AddAnnotation")
            .WithSummary("Comment on or suggest a change to a passage")
            .WithDescription("`{revision, blockId, quote, occurrence?, kind: Comment|Replace|Insert|Delete, text?, justification?}`: `quote` is the exact passage inside the block's `text` (`occurrence` picks among repeats; `Insert` puts `text` after it). A draft of your agency's, seen by your agency alone until it sends its contribution. A quote not in that block → 400; not the latest revision → 409 `stale-revision`. Participants only.");
}
