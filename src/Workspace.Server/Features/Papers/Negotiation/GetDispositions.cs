using Microsoft.Extensions.Localization;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Papers.Pages;
using Workspace.Server.Locale;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The comments matrix of a paper: every sent comment and suggestion by agency and paragraph, with what the lead made of
/// it and why, and the revision that took it in. Drafts are in no matrix.
/// </summary>
public static class GetDispositions
{
    public sealed record Query(Guid PaperId) : IQuery<IReadOnlyList<DispositionView>>, IPaperViewerRequest, IReadsProjections;

    /// <param name="Revision">The revision the item stands on (a moved item, the latest it reached).</param>
    /// <param name="BlockNumber">The paragraph's number in that revision ("¶ 4").</param>
    public sealed record DispositionView(Guid AnnotationId, string AgencyCode, int Revision, int? BlockNumber, AnnotationKind Kind, string Quote, string? Text,
        string? Justification, AnnotationStatus Status, string? Reason, int? AppliedInRevision);

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<DispositionView>>
    {
        public Task<IReadOnlyList<DispositionView>> Handle(Query query, CancellationToken cancellationToken) => ReadAsync(db, query.PaperId, cancellationToken);
    }

    /// <summary>The matrix as it stands, by agency, then by place in the text.</summary>
    public static async Task<IReadOnlyList<DispositionView>> ReadAsync(WorkspaceDb db, Guid paperId, CancellationToken ct)
    {
        var rows = await db.Annotations.AsNoTracking().Where(a => a.PaperId == paperId && a.Status != AnnotationStatus.Draft).ToListAsync(ct);
        var numbers = await db.RevisionBlocks.AsNoTracking().Where(b => b.PaperId == paperId)
            .Select(b => new { b.Revision, b.BlockId, b.Number }).ToListAsync(ct);
        var numberOf = numbers.ToDictionary(b => (b.Revision, b.BlockId), b => b.Number);
        return [.. rows.OrderBy(a => a.AgencyCode, StringComparer.Ordinal).ThenBy(a => a.Revision).ThenBy(a => a.Start)
            .Select(a => new DispositionView(a.Id, a.AgencyCode, a.Revision, numberOf.TryGetValue((a.Revision, a.BlockId), out var n) ? n : null, a.Kind, a.Quote,
                a.Text, a.Justification, a.Status, a.Reason, a.AppliedInRevision))];
    }

    /// <summary>The matrix as a spreadsheet: one line per item.</summary>
    public static string Csv(IEnumerable<DispositionView> rows)
    {
        var csv = new System.Text.StringBuilder("annotationId,agency,revision,paragraph,kind,quote,text,justification,status,reason,appliedInRevision\r\n");
        foreach (var d in rows)
        {
            csv.Append(string.Join(',', d.AnnotationId, d.AgencyCode, d.Revision, d.BlockNumber, d.Kind, Http.Csv.Field(d.Quote), Http.Csv.Field(d.Text ?? ""),
                Http.Csv.Field(d.Justification ?? ""), d.Status, Http.Csv.Field(d.Reason ?? ""), d.AppliedInRevision)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The matrix as a Word table for the co-chairs, in the reader's language: one row per item, by agency and place.</summary>
    public static WordFile Word(IReadOnlyList<DispositionView> rows, string title, int revision, IStringLocalizer t)
    {
        var table = new System.Text.StringBuilder();
        table.Append("# ").Append(Cell(t["The comments matrix"] + ": " + title)).Append("\n\n")
            .Append(Cell(t.Plural(rows.Count, "{0} item sent by the agencies, with what the lead agency made of it.", "{0} items sent by the agencies, with what the lead agency made of each."))).Append("\n\n");
        if (rows.Count > 0)
        {
            string[] headers = ["Agency", "Paragraph", "Kind", "Passage", "Proposed text or comment", "Justification", "Outcome", "Reason"];
            table.Append("| ").AppendJoin(" | ", headers.Select(h => Cell(t[h]))).Append(" |\n|").Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
            foreach (var d in rows)
            {
                string[] cells =
                [
                    d.AgencyCode,
                    d.BlockNumber is { } n ? t["¶ {0} of revision {1}", n, d.Revision] : t["Revision {0}", d.Revision],
                    t[NegotiationWords.Kind(d.Kind)],
                    d.Quote,
                    d.Text ?? "",
                    d.Justification ?? "",
                    t[NegotiationWords.Status(d.Status)] + (d.AppliedInRevision is { } applied ? " · " + t["in revision {0}", applied] : ""),
                    d.Reason ?? "",
                ];
                table.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n");
            }
        }

        return WordFile.Of(table.ToString(), new Workspace.Server.Word.WordProperties(title, "CommentsMatrix", revision, "", [], Approved: false), $"{title} - comments matrix");
    }

    /// <summary>Text as one table cell of markdown: every mark escaped, lines joined.</summary>
    private static string Cell(string text)
    {
        var cell = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                cell.Append(' ');
            }
            else
            {
                if (c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c)))
                {
                    cell.Append('\\');
                }

                cell.Append(c);
            }
        }

        return cell.ToString().Trim();
    }

    public static void Map(RouteGroupBuilder papers)
    {
        papers.MapGet("/{paperId:guid}/dispositions", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .WithName("GetDispositions")
            .WithSummary("The comments matrix")
            .WithDescription("Every sent comment and suggestion: `{annotationId, agencyCode, revision, blockNumber, kind, quote, text, justification, status, reason, appliedInRevision}`, by agency and place in the text. Same visibility as the paper; drafts are in no matrix.");
        papers.MapGet("/{paperId:guid}/dispositions.csv", async (Guid paperId, IMediator mediator, CancellationToken ct) =>
                Results.Text(Csv(await mediator.Send(new Query(paperId), ct)), "text/csv; charset=utf-8"))
            .WithName("GetDispositionsCsv")
            .WithSummary("The comments matrix as a spreadsheet")
            .WithDescription("The same lines as `GET /dispositions`, one per item, text fields quoted and guarded against formulas.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        papers.MapGet("/{paperId:guid}/dispositions.docx", WordAsync)
            .WithName("GetDispositionsDocx")
            .WithSummary("The comments matrix as a Word table")
            .WithDescription("The same lines as `GET /dispositions`, as a table in a Word document for the co-chairs, its headers and outcomes in the reader's language.")
            .Produces(StatusCodes.Status200OK, contentType: Workspace.Server.Word.WordWriter.ContentType);
    }

    /// <summary>The same downloads for the pages' people, signed in by the pages' cookie (the API's routes take bearer tokens).</summary>
    public static void MapDownload(IEndpointRouteBuilder app)
    {
        app.MapGet("/papers/{paperId:guid}/matrix.csv", async (Guid paperId, IMediator mediator, CancellationToken ct) =>
                Results.File(System.Text.Encoding.UTF8.GetBytes(Csv(await mediator.Send(new Query(paperId), ct))), "text/csv; charset=utf-8", "comments-matrix.csv"))
            .RequireAuthorization()
            .ExcludeFromDescription();
        app.MapGet("/papers/{paperId:guid}/matrix.docx", WordAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> WordAsync(Guid paperId, IMediator mediator, IStringLocalizer<Ui> t, CancellationToken ct)
    {
        var rows = await mediator.Send(new Query(paperId), ct);
        var paper = await mediator.Send(new GetPaper.Query(paperId), ct);
        return Word(rows, paper.Title, paper.LatestRevision?.Number ?? 0, t).Result();
    }
}
