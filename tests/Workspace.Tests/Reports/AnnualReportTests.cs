using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Reports;

/// <summary>
/// The co-chairs' report drafted from the record. The fake clock starts on 15 June 2026; the demo's co-chairs
/// (ILO and UNHCR) hold the 2026 term. The clock moves, so this class has its own server.
/// </summary>
public sealed partial class AnnualReportTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [GeneratedRegex(@"^- \*(?<title>.+)\*, published (?<day>[^;]+); signed by (?<by>.+)$", RegexOptions.Multiline)]
    private static partial Regex PublishedLine();

    [GeneratedRegex(@"^\| (?<day>\d{1,2} \w+ \d{4}) \| (?<title>.+?) \| (?<kind>\w+) \| (?<place>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex MeetingRow();

    [Fact]
    public async Task The_report_of_a_period_lists_exactly_the_papers_published_and_the_meetings_held_in_it()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var (june, juneRevision) = await InSignOffAsync(host, "Statement published in June", "Unanimous", TimeSpan.FromDays(3));
        await ApproveAsync(host, june.Id, juneRevision, "ILO", "IOM", "UNHCR");
        await secretariat.PublishAsync(june.Id, "June.", ["Global"]);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var held = await ilo.ScheduleMeetingAsync("Plenary held in June", "Plenary", new DateTimeOffset(2026, 6, 20, 12, 0, 0, TimeSpan.Zero), 60, "Europe/Vienna");
        var cancelled = await ilo.ScheduleMeetingAsync("Plenary called off", "Plenary", new DateTimeOffset(2026, 6, 25, 12, 0, 0, TimeSpan.Zero), 60, "Europe/Vienna");
        await ilo.CancelMeetingAsync(cancelled.Id);
        await ilo.ScheduleMeetingAsync("Plenary still to come", "Plenary", new DateTimeOffset(2026, 7, 20, 12, 0, 0, TimeSpan.Zero), 60, "America/New_York");

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));
        var (july, julyRevision) = await InSignOffAsync(host, "Statement published in July", "Unanimous", TimeSpan.FromDays(3));
        await ApproveAsync(host, july.Id, julyRevision, "ILO", "IOM", "UNHCR");
        secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.PublishAsync(july.Id, "July.", ["Global"]);

        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var response = await ilo.Http.PostAsJsonAsync("/api/reports/annual", new { from = "2026-06-01", to = "2026-06-30" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<Paper>(WorkspaceClient.Json))!;
        Assert.Equal(("AnnualReport", "Drafting", "ILO", 1), (report.Kind, report.State, report.LeadAgencyCode, report.LatestRevision!.Number));
        Assert.Contains("UNODC", report.ParticipatingAgencyCodes);
        Assert.Contains("UNHCR", report.ParticipatingAgencyCodes);
        var body = (await ilo.GetRevisionAsync(report.Id, 1)).Body;
        Assert.StartsWith("# Report of the co-chairs, 1 June 2026 to 30 June 2026", body, StringComparison.Ordinal);
        Assert.Contains("- ILO and UNHCR, from 1 January 2026 to 31 December 2026", body, StringComparison.Ordinal);

        // Exactly what the public catalogue says was published in June, with its signatories.
        var publishedInJune = (await host.Anonymous().GetFromJsonAsync<List<Publication>>("/api/publications", WorkspaceClient.Json))!
            .Where(p => p.PublishedAt >= new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) && p.PublishedAt < new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)).ToList();
        var listed = PublishedLine().Matches(body).ToDictionary(m => m.Groups["title"].Value, m => m.Groups["by"].Value);
        Assert.Equal(publishedInJune.Select(p => p.Title).Order(), listed.Keys.Order());
        Assert.Equal("ILO, IOM, UNHCR", listed["Statement published in June"]);
        Assert.DoesNotContain("Statement published in July", body, StringComparison.Ordinal);

        // Exactly the meetings held in June: not the cancelled one, not those to come.
        var heldInJune = (await secretariat.ListMeetingsAsync())
            .Where(m => m.Status == "Scheduled" && m.StartsAt >= new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) && m.StartsAt < new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero))
            .Select(m => m.Title).Order().ToList();
        var rows = MeetingRow().Matches(body).Select(m => (Title: m.Groups["title"].Value, Place: m.Groups["place"].Value.Trim())).ToList();
        Assert.Equal(heldInJune, rows.Select(r => r.Title).Order());
        Assert.Contains(("Plenary held in June", "Vienna"), rows);
        Assert.DoesNotContain(rows, r => r.Title is "Plenary called off" or "Plenary still to come");
        Assert.Contains("## Working groups", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_co_chair_or_the_secretariat_drafts_it_for_a_period_with_a_term_and_bad_periods_are_400()
    {
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync("/api/reports/annual", new { from = "2026-01-01", to = "2026-12-31" }), HttpStatusCode.Forbidden);

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var year = (await (await secretariat.Http.PostAsJsonAsync("/api/reports/annual", new { from = "2026-01-01", to = "2026-12-31" })).Content.ReadFromJsonAsync<Paper>(WorkspaceClient.Json))!;
        Assert.Equal(("Annual report of the co-chairs, 2026", "ILO"), (year.Title, year.LeadAgencyCode));

        await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync("/api/reports/annual", new { from = "2010-01-01", to = "2010-12-31" }), HttpStatusCode.Conflict, "no-cochair-term");
        Assert.Contains("to", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(
            secretariat.Http.PostAsJsonAsync("/api/reports/annual", new { from = "2026-06-30", to = "2026-06-01" }), HttpStatusCode.BadRequest)));
        Assert.Contains("to", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(
            secretariat.Http.PostAsJsonAsync("/api/reports/annual", new { from = "2020-01-01", to = "2026-06-01" }), HttpStatusCode.BadRequest)));
    }
}
