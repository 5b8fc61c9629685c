using FluentValidation.Results;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;
using Workspace.Server.Word;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// An agency brings its Word redline of the circulated text: each tracked insertion, deletion or replacement becomes a
/// draft suggestion of the agency, each Word comment a draft comment, on the paragraph it was made in; what cannot be
/// placed on the revision is reported with why, never dropped.
/// </summary>
public static class ImportAnnotations
{
    /// <summary>At most so many marks are taken from one document.</summary>
    public const int MaxMarks = 500;

    public sealed record Command(Guid PaperId, int? Revision, string? FileName, byte[] Docx) : ICommand<ImportedAnnotations>, IPaperParticipantRequest, IReadsProjections;

    /// <param name="Created">The drafts made, in the order of the text.</param>
    /// <param name="NotAnchored">What the document marked that could not be placed, with the reason.</param>
    public sealed record ImportedAnnotations(IReadOnlyList<AnnotationView> Created, IReadOnlyList<Unanchored> NotAnchored);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Revision).NotNull().GreaterThan(0);
            RuleFor(c => c.Docx).NotEmpty().OverridePropertyName("file").WithMessage("Attach your agency's Word redline (.docx), as multipart/form-data in a field named file.");
            RuleFor(c => c.FileName).MaximumLength(260);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ImportedAnnotations>
    {
        public async Task<ImportedAnnotations> Handle(Command command, CancellationToken cancellationToken)
        {
            // The paper and the revision are checked before the file is read: a stale or refused upload costs nothing.
            var paper = await db.Papers.AsNoTracking().SingleAsync(p => p.Id == command.PaperId, cancellationToken);
            var number = command.Revision!.Value;
            paper.EnsureAnnotatable(number);
            var blocks = (await db.RevisionBlocks.AsNoTracking().Where(b => b.PaperId == paper.Id && b.Revision == number).OrderBy(b => b.Index).ToListAsync(cancellationToken))
                .Select(b => b.ToBlock()).ToList();

            WordRedline.Redline redline;
            try
            {
                redline = WordRedline.Read(new MemoryStream(command.Docx, writable: false), new WordBudget(AddRevision.MaxBodyLength));
            }
            catch (NotAWordDocumentException e)
            {
                throw new ValidationException([new ValidationFailure("file", e.Message)]);
            }

            var marks = redline.Paragraphs.Sum(p => p.Marks.Count);
            if (marks + redline.Unreadable.Count == 0)
            {
                throw new ValidationException([new ValidationFailure("file", "This document has no tracked changes or comments: make your changes in Word with Track Changes on, and comment with Word's comments.")]);
            }

            if (marks > MaxMarks)
            {
                throw new ValidationException([new ValidationFailure("file", $"This document has {marks} tracked changes and comments; at most {MaxMarks} are read at a time.")]);
            }

            var (anchored, unanchored) = Anchoring.Place(blocks, redline.Paragraphs);
            List<Unanchored> notAnchored = [.. redline.Unreadable, .. unanchored];
            List<Annotation> created = [];
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var a in anchored)
            {
                if (a.Quote.Length > 5_000 || a.Text?.Length > 20_000)
                {
                    notAnchored.Add(new Unanchored(a.Kind.ToString(), a.Text ?? a.Quote, $"Too long for one comment or suggestion (on ¶ {a.Block.Number})."));
                    continue;
                }

                if (a.Kind == AnnotationKind.Comment && string.IsNullOrWhiteSpace(a.Text))
                {
                    notAnchored.Add(new Unanchored("Comment", a.Quote, $"A Word comment on ¶ {a.Block.Number} says nothing."));
                    continue;
                }

                created.Add(Annotation.Draft(paper.Id, number, a.Block, a.Quote, a.Occurrence, a.Kind, a.Text, null, me.AsActor(), now));
            }

            db.Annotations.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
            return new ImportedAnnotations([.. created.OrderBy(a => a.Start).Select(AnnotationView.Of)], notAnchored);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/annotations/import", async (Guid paperId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                // Whatever arrives goes to the pipeline, which refuses an outsider before it looks at the file.
                var upload = await Http.WordUpload.ReadAsync(request, "revision", ct);
                var imported = await mediator.Send(new Command(paperId, upload.Number, upload.FileName, upload.Content), ct);
                return TypedResults.Created($"/api/papers/{paperId}/annotations?revision={upload.Number}&status=Draft", imported);
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(
                ((IEndpointRouteBuilder)papers).ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.MaxWordFileBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportAnnotations")
            .WithSummary("Bring an agency's Word redline as its drafts")
            .WithDescription("Multipart form: `file` (a .docx, up to `Api:MaxWordFileBytes`) and `revision` (the latest). Tracked insertions, deletions and replacements become your agency's `Draft` suggestions, Word comments its `Draft` comments, each on the paragraph it was made in (matched by its words); 201 `{created:[annotation...], notAnchored:[{kind, text, reason}]}`. Not a .docx, or one without tracked changes or comments → 400 on `file`; not the latest revision → 409 `stale-revision`. Participants only.");
}
