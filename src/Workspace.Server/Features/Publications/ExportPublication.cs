using Workspace.Server.Auth;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;
using Workspace.Server.Word;

namespace Workspace.Server.Features.Publications;

/// <summary>The published text as a Word document, for anyone: its properties name the signatories and the hash they approved.</summary>
public static class ExportPublication
{
    public sealed record Query(Guid PaperId, string? Language = null) : IQuery<WordFile>, IPublicRequest;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Query, WordFile>
    {
        public async Task<WordFile> Handle(Query query, CancellationToken cancellationToken)
        {
            // The publication's own query checks the text against the log before anything is served.
            var published = await mediator.Send(new GetPublication.Query(query.PaperId, query.Language), cancellationToken);
            return WordFile.Of(published.Text,
                new WordProperties(published.TitleInLanguage, published.Kind.ToString(), published.Revision, published.ContentHash, published.AgencyCodes, Approved: true),
                published.Language == published.OriginalLanguage ? published.Title : $"{published.Title} ({published.Language})");
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/{paperId:guid}/docx", async (Guid paperId, IMediator mediator, CancellationToken ct, string? language = null) =>
                (await mediator.Send(new Query(paperId, language), ct)).Result())
            .AllowAnonymous()
            .WithName("ExportPublication")
            .WithSummary("A published paper as a Word document")
            .WithDescription("No sign-in. The document's properties carry the title, the signatory agencies and the hash every one of them approved. `?language=` gives a version confirmed against it (else 404). Not published → 404.")
            .Produces(StatusCodes.Status200OK, contentType: WordWriter.ContentType);

    /// <summary>The same download at the public page's address.</summary>
    public static void MapDownload(IEndpointRouteBuilder app) =>
        app.MapGet("/publications/{paperId:guid}.docx", async (Guid paperId, IMediator mediator, CancellationToken ct, string? language = null) =>
                (await mediator.Send(new Query(paperId, language), ct)).Result())
            .ExcludeFromDescription();
}
