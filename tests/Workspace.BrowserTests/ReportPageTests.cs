using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

public sealed class ReportPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_co_chair_drafts_the_years_report_and_reads_it_as_a_paper_of_the_co_chairs()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("UNHCR"));
        await page.GotoAsync("/papers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Draft the co-chairs' report" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByLabel("First day")).ToHaveValueAsync("2026-01-01", new() { Timeout = BrowserHost.Patience }));
        await page.GetByLabel("Last day").FillAsync("2025-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft the report" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("The period ends on or after its first day.", new() { Timeout = BrowserHost.Patience }));
        await page.GetByLabel("Last day").FillAsync("2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft the report" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Annual report of the co-chairs, 2026", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator(".draft")).ToContainTextAsync("ILO and UNHCR, from 1 January 2026 to 31 December 2026");
        await Assertions.Expect(page.Locator("dl.summary-list")).ToContainTextAsync("UNHCR");
    }
}
