
namespace Workspace.Server.Features.Papers.Pages;

/// <summary>The board's filters, the same for the page and its CSV.</summary>
public static class BoardFilter
{
    /// <summary>The board as a spreadsheet: the same request and filters as the page.</summary>
    public static void MapCsv(IEndpointRouteBuilder app) =>
        app.MapGet("/board.csv", async (string? state, string? kind, string? agency, IMediator mediator, CancellationToken ct) =>
                Results.Text(Csv(Apply(await mediator.Send(new GetSignOffStatus.Query(), ct), state, kind, agency)), "text/csv; charset=utf-8"))
            .RequireAuthorization()
            .ExcludeFromDescription();

    public static IEnumerable<GetSignOffStatus.BoardRow> Apply(IEnumerable<GetSignOffStatus.BoardRow> rows, string? state, string? kind, string? agency) => rows
        .Where(p => string.IsNullOrEmpty(state) || p.State.ToString() == state)
        .Where(p => string.IsNullOrEmpty(kind) || p.Kind.ToString() == kind)
        .Where(p => string.IsNullOrWhiteSpace(agency) || p.ParticipatingAgencyCodes.Contains(agency.Trim().ToUpperInvariant()));

    /// <summary>One line per paper and agency: what a spreadsheet of the board needs.</summary>
    public static string Csv(IEnumerable<GetSignOffStatus.BoardRow> rows)
    {
        var csv = new System.Text.StringBuilder("paperId,title,kind,state,round,revision,procedure,deadline,overdue,agency,status,at,roundEnded,roundEndedBy\r\n");
        foreach (var p in rows)
        {
            foreach (var code in p.ParticipatingAgencyCodes.Order(StringComparer.Ordinal))
            {
                var agency = p.Round?.Agencies.FirstOrDefault(a => a.AgencyCode == code);
                csv.Append(string.Join(',',
                    p.PaperId, Field(p.Title), p.Kind, p.State, p.Round?.Number, p.Round?.Revision, p.Round?.Procedure,
                    p.Round?.Deadline.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    p.Round?.Overdue, code, agency?.Status,
                    agency?.At?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    p.Round?.ClosingReason?.Kind, p.Round?.ClosingReason?.ByAgencyCode)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Field(string value) => Http.Csv.Field(value);
}
