using FluentValidation.Results;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;
using Workspace.Server.Word;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// A participant brings a draft from Word: the .docx becomes the next revision's markdown, with a report of
/// what markdown could not keep.
/// </summary>
public static class ImportRevision
{
    public sealed record Command(Guid PaperId, int? BaseRevision, string? FileName, byte[] Docx) : ICommand<ImportedRevision>, IPaperParticipantRequest;

    /// <summary>The new revision, and what of the Word document it could not keep.</summary>
    public sealed record ImportedRevision(int Number, string ContentHash, string Author, DateTimeOffset CreatedAt, IReadOnlyList<string> NotKept);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BaseRevision).NotNull().GreaterThanOrEqualTo(0);
            RuleFor(c => c.Docx).NotEmpty().OverridePropertyName("file").WithMessage("Attach a Word document (.docx), as multipart/form-data in a field named file.");
            RuleFor(c => c.FileName).MaximumLength(260);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ImportedRevision>
    {
        public async Task<ImportedRevision> Handle(Command command, CancellationToken cancellationToken)
        {
            // The paper and its base are checked before the file is read: a stale or refused upload costs nothing.
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            paper.EnsureRevisable(command.BaseRevision!.Value);

            WordImport imported;
            try
            {
                imported = WordReader.Read(new MemoryStream(command.Docx, writable: false), new WordBudget(AddRevision.MaxBodyLength));
            }
            catch (NotAWordDocumentException e)
            {
                throw new ValidationException([new ValidationFailure("file", e.Message)]);
            }

            if (imported.Markdown.Length > AddRevision.MaxBodyLength)
            {
                throw new ValidationException([new ValidationFailure("file", $"The document's text is longer than a revision may be ({AddRevision.MaxBodyLength} characters).")]);
            }

            var revision = paper.AddRevision(command.BaseRevision.Value, imported.Markdown, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Revisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            return new ImportedRevision(revision.Number, revision.ContentHash, revision.Author, revision.CreatedAt.AsUtcInstant(), imported.NotKept);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/revisions/import", async (Guid paperId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                // Whatever arrives goes to the pipeline, which refuses an outsider before it looks at the file.
                var upload = await Http.WordUpload.ReadAsync(request, "baseRevision", ct);
                var created = await mediator.Send(new Command(paperId, upload.Number, upload.FileName, upload.Content), ct);
                return TypedResults.Created($"/api/papers/{paperId}/revisions/{created.Number}", created);
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(
                ((IEndpointRouteBuilder)papers).ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.MaxWordFileBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportRevision")
            .WithSummary("Save a Word document as a new revision")
            .WithDescription("Multipart form: `file` (a .docx, up to `Api:MaxWordFileBytes`, 10 MB by default) and `baseRevision` (as for a revision). Headings, lists, bold and italic, links, tables and footnotes become markdown; `notKept` lists what could not be kept (images, comments, tracked deletions, merged cells, underline and colours, headers and footers). Not a .docx → 400 on `file`. Participants only; the same rules as `POST …/revisions` (stale base → 409).");
}
