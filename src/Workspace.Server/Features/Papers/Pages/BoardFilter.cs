
namespace Workspace.Server.Features.Papers.Pages;

/// <summary>The board's filters, the same for the page and its CSV.</summary>
public static class BoardFilter
{
    /// <summary>The board as a spreadsheet: the same request and filters as the page.</summary>
    /// <remarks>
    /// By default for programs (stable column names, values as the API spells them, UTC); with <c>readable=true</c>, as
    /// the page's link asks, for people: headers and words in the page's language, times in the reader's zone.
    /// </remarks>
    public static void MapCsv(IEndpointRouteBuilder app) =>
        app.MapGet("/board.csv", async (string? state, string? kind, string? agency, bool? readable, IMediator mediator, Components.Viewer viewer,
                Microsoft.Extensions.Localization.IStringLocalizer<Locale.Ui> t, CancellationToken ct) =>
            {
                var rows = Apply(await mediator.Send(new GetSignOffStatus.Query(), ct), state, kind, agency);
                return readable == true
                    ? Results.Text("\uFEFF" + Readable(rows, t, await viewer.ZoneAsync(ct)), "text/csv; charset=utf-8")
                    : Results.Text(Csv(rows), "text/csv; charset=utf-8");
            })
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

    /// <summary>
    /// The same lines for people: the headers and the words of the page in its language, times in the reader's zone
    /// (named in the header), and how an ended round ended, in a sentence. Spreadsheets open it by its byte-order mark.
    /// </summary>
    public static string Readable(IEnumerable<GetSignOffStatus.BoardRow> rows, Microsoft.Extensions.Localization.IStringLocalizer t, string zone)
    {
        var city = Locale.Times.City(zone);
        string When(DateTimeOffset? at) => at is { } instant ? Locale.Times.In(instant, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
        var csv = new System.Text.StringBuilder(string.Join(',', new[]
        {
            t["Paper"], t["Kind"], t["State"], t["Round"], t["Revision"], t["Procedure"], t["Deadline ({0})", city], t["Overdue"], t["Agency"], t["Status"],
            t["Answered ({0})", city], t["How the round ended"],
        }.Select(h => Field(h.Value)))).Append("\r\n");
        foreach (var p in rows)
        {
            foreach (var code in p.ParticipatingAgencyCodes.Order(StringComparer.Ordinal))
            {
                var round = p.Round;
                var agency = round?.Agencies.FirstOrDefault(a => a.AgencyCode == code);
                var status = agency is null ? t["No round"].Value : t[Components.Parts.StatusWord.For(agency.Status, round?.ClosingReason?.Kind).Word].Value;
                csv.Append(string.Join(',',
                    Field(p.Title), Field(t[PaperWords.Kind(p.Kind)]), Field(t[PaperWords.State(p.State)]), round?.Number, round?.Revision,
                    round is null ? "" : Field(t[PaperWords.Procedure(round.Procedure)]), When(round?.Deadline),
                    round is { Overdue: true } ? Field(t["Yes"]) : "", code, Field(status), When(agency?.At),
                    round?.ClosingReason is { } ending ? Field(PaperWords.Ending(ending, t)) : "")).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Field(string value) => Http.Csv.Field(value);
}
