using System.Net;
using System.Net.Http.Json;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Papers;
using Workspace.Server.Features.Papers.Pages;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.Tests.Ui;

public sealed class BoardExportTestsOnSqlite(WorkspaceHost host) : BoardExportTests<WorkspaceHost>(host);

public sealed class BoardExportTestsOnPostgres(PostgresHost host) : BoardExportTests<PostgresHost>(host);

public abstract class BoardExportTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_boards_link_downloads_it_for_people_in_the_pages_language_with_times_in_the_readers_zone()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host, "Statement read in a spreadsheet", "Unanimous", TimeSpan.FromDays(2));
        await PaperScenario.ApproveAsync(host, paper.Id, revision, "IOM");
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal(HttpStatusCode.OK, (await iom.PutAsJsonAsync("/api/me/settings", new { timeZone = "Europe/Vienna", language = "fr" })).StatusCode);
        var deadline = TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow() + TimeSpan.FromDays(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna"));

        var csv = await iom.GetStringAsync(new Uri("/board.csv?readable=true&culture=fr", UriKind.Relative));
        // Every text field is quoted (and guarded against formulas); read here without the quotes.
        var lines = csv.TrimStart('\uFEFF').Replace("\"", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Document,Type,État,Tour,Révision,Procédure,Échéance (Vienne),En retard,Agence,Statut,Réponse (Vienne),Fin du tour", lines[0]);
        var mine = lines.Where(l => l.StartsWith("Statement read in a spreadsheet,", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Contains(mine, l => l.Contains($",{deadline:yyyy-MM-dd HH:mm},,IOM,Approuvé,", StringComparison.Ordinal));
        Assert.Contains(mine, l => l.Contains(",UNHCR,En attente,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_board_exports_one_line_per_paper_and_agency_with_the_same_filters_and_rules_as_the_page()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host, "Statement exported to CSV", "Unanimous", TimeSpan.FromDays(2));
        await PaperScenario.ApproveAsync(host, paper.Id, revision, "IOM");

        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var all = await secretariat.GetAsync(new Uri("/board.csv?state=InSignOff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType!.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var mine = lines.Where(l => l.StartsWith(paper.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Contains(mine, l => l.Contains(",IOM,Approved,", StringComparison.Ordinal));
        Assert.Contains(mine, l => l.Contains(",UNHCR,Pending,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",Published,", StringComparison.Ordinal));

        // A round that ended says how, on each of its lines: the agencies that had not answered were not forgotten.
        var (broken, brokenText) = await PaperScenario.InSignOffAsync(host, "Statement whose silence broke", "Silence", TimeSpan.FromDays(2));
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(broken.Id, 1, brokenText.ContentHash, "Object", "Not this week.");
        var brokenLines = (await secretariat.GetStringAsync(new Uri("/board.csv", UriKind.Relative))).Split("\r\n")
            .Where(l => l.StartsWith(broken.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, brokenLines.Count);
        Assert.All(brokenLines, l => Assert.EndsWith(",SilenceBroken,IOM", l, StringComparison.Ordinal));
        Assert.Contains(brokenLines, l => l.Contains(",UNHCR,Pending,", StringComparison.Ordinal));

        // A focal point of an agency outside the paper exports nothing of it.
        var other = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));
        Assert.DoesNotContain(paper.Id.ToString(), await other.GetStringAsync(new Uri("/board.csv", UriKind.Relative)), StringComparison.Ordinal);

        // Without sign-in a browser is sent to sign in.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var refused = await anonymous.GetAsync(new Uri("/board.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_that_a_spreadsheet_would_run_as_a_formula_is_defused_and_quotes_are_doubled()
    {
        var row = new GetSignOffStatus.BoardRow(Guid.NewGuid(), "=HYPERLINK(\"http://evil\")", PaperKind.Other, PaperState.Drafting, "ILO", ["ILO"], null);

        var csv = BoardFilter.Csv([row]);

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", csv, StringComparison.Ordinal);
    }
}
