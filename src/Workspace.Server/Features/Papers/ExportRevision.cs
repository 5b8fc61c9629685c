using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;
using Workspace.Server.Word;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// Any revision as a Word document, its properties naming the paper, the agencies that approved that text and its hash;
/// with its open comments and suggestions, if asked, as Word comments and tracked changes credited to each person and agency.
/// </summary>
public static class ExportRevision
{
    /// <param name="WithAnnotations">The sent comments and suggestions the lead has not yet folded in, as Word comments and tracked changes.</param>
    public sealed record Query(Guid PaperId, int Number, bool WithAnnotations = false) : IQuery<WordFile>, IPaperViewerRequest, IReadsProjections;

    internal sealed class Handler(WorkspaceDb db, IMediator mediator, ICurrentUser me) : IRequestHandler<Query, WordFile>
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
            var marks = query.WithAnnotations ? await MarksAsync(query, cancellationToken) : [];
            return WordFile.Of(revision.Body, new WordProperties(paper.Title, paper.Kind.ToString(), revision.Number, revision.ContentHash, signatories, approved),
                $"{paper.Title} - revision {revision.Number}" + (marks.Count > 0 ? " - with comments and suggestions" : ""), marks);
        }

        /// <summary>"person (AGENCY)", unless the person's name says the agency already.</summary>
        private static string Credit(string name, string agency) => name.EndsWith($"({agency})", StringComparison.Ordinal) ? name : $"{name} ({agency})";

        /// <summary>The sent items on the revision still to be folded in (never a draft, the caller's own included), each credited to "person (AGENCY)".</summary>
        private async Task<IReadOnlyList<WordMark>> MarksAsync(Query query, CancellationToken ct)
        {
            var open = await db.Annotations.AsNoTracking().VisibleTo(me.AgencyCode)
                .Where(a => a.PaperId == query.PaperId && a.Revision == query.Number && a.AppliedInRevision == null
                    && (a.Status == AnnotationStatus.Open || a.Status == AnnotationStatus.Accepted || a.Status == AnnotationStatus.PartlyAccepted || a.Status == AnnotationStatus.Noted))
                .OrderBy(a => a.Start).ToListAsync(ct);
            var authors = open.Select(a => a.Author).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(p => authors.Contains(p.Email!)).Select(p => new { p.Email, p.DisplayName }).ToListAsync(ct);
            string Name(string email) => names.FirstOrDefault(n => n.Email == email)?.DisplayName is { Length: > 0 } name ? name : email;
            return [.. open.Select(a => new WordMark(a.Start, a.End, a.Kind switch
            {
                AnnotationKind.Comment => WordMarkKind.Comment,
                AnnotationKind.Replace => WordMarkKind.Replace,
                AnnotationKind.Insert => WordMarkKind.Insert,
                _ => WordMarkKind.Delete,
            }, a.Kind == AnnotationKind.Comment && a.Justification is { } why ? $"{a.Text}\n\n{why}" : a.Text, Credit(Name(a.Author), a.AgencyCode), a.AgencyCode, a.SentAt ?? a.CreatedAt))];
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/revisions/{number:int}/docx", async (Guid paperId, int number, string? annotations, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new Query(paperId, number, Open(annotations)), ct)).Result())
            .WithName("ExportRevision")
            .WithSummary("A revision as a Word document")
            .WithDescription("`application/vnd.openxmlformats-officedocument.wordprocessingml.document`. The document's properties carry the title, the kind, the revision, its content hash and the agencies that approved that text (all of them, and `Approved: yes`, once signed off). With `?annotations=open`, the sent comments and suggestions on that revision not yet folded in are in it: each suggestion as a tracked deletion of its passage and insertion of its words, each comment as a Word comment over its passage, authors named `<person> (<AGENCY>)`. Drafts never are.")
            .Produces(StatusCodes.Status200OK, contentType: WordWriter.ContentType);

    /// <summary>The same download for the pages' people, signed in by the pages' cookie (the API's route takes bearer tokens).</summary>
    public static void MapDownload(IEndpointRouteBuilder app) =>
        app.MapGet("/papers/{paperId:guid}/revisions/{number:int}.docx", async (Guid paperId, int number, string? annotations, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new Query(paperId, number, Open(annotations)), ct)).Result())
            .RequireAuthorization()
            .ExcludeFromDescription();

    private static bool Open(string? annotations) => string.Equals(annotations, "open", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A Word document to download.</summary>
public sealed record WordFile(string FileName, byte[] Content)
{
    public static WordFile Of(string markdown, WordProperties properties, string name, IReadOnlyList<WordMark>? marks = null) =>
        new(Safe(name) + ".docx", WordWriter.Write(markdown, properties, marks));

    public IResult Result() => Results.File(Content, WordWriter.ContentType, FileName);

    /// <summary>A file name every system accepts: no path or reserved characters, at most 120 characters.</summary>
    private static string Safe(string name)
    {
        var cleaned = new string([.. name.Select(c => char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? ' ' : c)]).Trim();
        return cleaned.Length == 0 ? "paper" : cleaned[..Math.Min(120, cleaned.Length)];
    }
}
