using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;
using Workspace.Server.Word;

namespace Workspace.Server.Features.Papers;

/// <summary>Any revision as a Word document, its properties naming the paper, the agencies that approved that text and its hash.</summary>
public static class ExportRevision
{
    public sealed record Query(Guid PaperId, int Number) : IQuery<WordFile>, IPaperViewerRequest;

    internal sealed class Handler(WorkspaceDb db, IMediator mediator) : IRequestHandler<Query, WordFile>
    {
        public async Task<WordFile> Handle(Query query, CancellationToken cancellationToken)
        {
            // Through the revision's own query: a text that no longer matches the log is not served in any form.
            var revision = await mediator.Send(new GetRevision.Query(query.PaperId, query.Number), cancellationToken);
            var paper = await db.Papers.AsNoTracking().Where(p => p.Id == query.PaperId).Select(p => new { p.Title, p.Kind }).SingleAsync(cancellationToken);
            var round = await db.Rounds.AsNoTracking().Include(r => r.Agencies)
                .Where(r => r.PaperId == query.PaperId && r.RevisionNumber == query.Number && r.Status != RoundStatus.Cancelled)
                .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
            var signatories = round?.Agencies.Where(a => a.Status is AgencySignOffStatus.Approved or AgencySignOffStatus.AdoptedBySilence)
                .Select(a => a.AgencyCode).Order(StringComparer.Ordinal).ToList() ?? [];
            var approved = round?.Status == RoundStatus.Completed;
            return WordFile.Of(revision.Body, new WordProperties(paper.Title, paper.Kind.ToString(), revision.Number, revision.ContentHash, signatories, approved),
                $"{paper.Title} - revision {revision.Number}");
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/revisions/{number:int}/docx", async (Guid paperId, int number, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new Query(paperId, number), ct)).Result())
            .WithName("ExportRevision")
            .WithSummary("A revision as a Word document")
            .WithDescription("`application/vnd.openxmlformats-officedocument.wordprocessingml.document`. The document's properties carry the title, the kind, the revision, its content hash and the agencies that approved that text (all of them, and `Approved: yes`, once signed off).")
            .Produces(StatusCodes.Status200OK, contentType: WordWriter.ContentType);

    /// <summary>The same download for the pages' people, signed in by the pages' cookie (the API's route takes bearer tokens).</summary>
    public static void MapDownload(IEndpointRouteBuilder app) =>
        app.MapGet("/papers/{paperId:guid}/revisions/{number:int}.docx", async (Guid paperId, int number, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new Query(paperId, number), ct)).Result())
            .RequireAuthorization()
            .ExcludeFromDescription();
}

/// <summary>A Word document to download.</summary>
public sealed record WordFile(string FileName, byte[] Content)
{
    public static WordFile Of(string markdown, WordProperties properties, string name) =>
        new(Safe(name) + ".docx", WordWriter.Write(markdown, properties));

    public IResult Result() => Results.File(Content, WordWriter.ContentType, FileName);

    /// <summary>A file name every system accepts: no path or reserved characters, at most 120 characters.</summary>
    private static string Safe(string name)
    {
        var cleaned = new string([.. name.Select(c => char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? ' ' : c)]).Trim();
        return cleaned.Length == 0 ? "paper" : cleaned[..Math.Min(120, cleaned.Length)];
    }
}
