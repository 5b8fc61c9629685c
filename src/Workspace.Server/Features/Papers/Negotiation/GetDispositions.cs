using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
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
    }
}
