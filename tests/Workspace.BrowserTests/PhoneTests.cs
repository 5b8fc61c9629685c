using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>On a phone (390 × 844): what a person came to read is on the screen, not off to the right.</summary>
public sealed class PhoneTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const int Width = 390;

    [BrowserFact]
    public async Task On_a_phone_the_header_is_short_and_the_board_and_the_matrix_show_every_agencys_word_and_reason_without_sideways_scrolling()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host.Server, "Statement read on a phone", "Unanimous", TimeSpan.FromDays(3));
        await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).SignOffAsync(paper.Id, revision.Number, revision.ContentHash, "Object",
            "Paragraph 2 should name the Refugee Convention.");
        var page = await host.NewPageAsync(screen: BrowserHost.Phone);
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);

        // The header and the navigation leave most of the first screen to the page.
        var navBottom = await page.Locator("nav").EvaluateAsync<double>("n => n.getBoundingClientRect().bottom");
        Assert.True(navBottom < 844 * 0.2, $"The header and navigation end {navBottom} px down a screen of 844.");

        await page.GotoAsync("/board");
        var cell = page.Locator($"[data-paper='{paper.Id}'][data-agency='UNHCR']");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(cell).ToHaveTextAsync("✗ Objected", new() { Timeout = BrowserHost.Patience }));
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = BrowserHost.Patience }));
        await ScrollToAsync(cell);
        await AssertOnScreenAsync(cell, "UNHCR's word on the board");
        await AssertOnScreenAsync(page.Locator($"[data-paper='{paper.Id}'][data-agency='IOM']"), "IOM's word on the board");
        Assert.Equal("", await SidewaysAsync(page));
        Assert.True(await FitsAsync(page, ".board-scroll"), "The board's table scrolls sideways on a phone.");

        await page.GotoAsync($"/papers/{paper.Id}");
        var reason = page.Locator("tr[data-agency-row='UNHCR']").GetByText("Paragraph 2 should name the Refugee Convention.");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(reason).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        await ScrollToAsync(reason);
        await AssertOnScreenAsync(reason, "UNHCR's reason on the paper");
        await AssertOnScreenAsync(page.Locator("tr[data-agency-row='IOM']").GetByText("Awaiting"), "IOM's word on the paper");
        Assert.Equal("", await SidewaysAsync(page));
        Assert.True(await FitsAsync(page, ".matrix .table-scroll"), "The sign-off matrix scrolls sideways on a phone.");
    }

    /// <summary>The region shows all it holds across its width: nothing to scroll sideways to.</summary>
    private static Task<bool> FitsAsync(IPage page, string region) =>
        page.Locator(region).EvaluateAsync<bool>("r => r.scrollWidth <= r.clientWidth + 1");

    /// <summary>Brings the element on screen; a live part that renders again meanwhile is looked up again.</summary>
    private static async Task ScrollToAsync(ILocator element)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await element.ScrollIntoViewIfNeededAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                // Rendered again while scrolling: the locator finds the new element.
            }
        }
    }

    private static async Task AssertOnScreenAsync(ILocator element, string what)
    {
        // A live part renders again once its connection is up: the element is looked up again until it holds still.
        LocatorBoundingBoxResult? box = null;
        for (var attempt = 0; attempt < 10 && box is null; attempt++)
        {
            await Assertions.Expect(element).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
            box = await element.BoundingBoxAsync(new() { Timeout = 5_000 });
        }

        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= Width, $"{what} lies outside the screen's width: {box?.X}–{box?.X + box?.Width} of {Width} px.");
    }

    /// <summary>Empty when the page does not scroll sideways; else how wide it is and which of its parts makes it so.</summary>
    private static Task<string> SidewaysAsync(IPage page) =>
        page.EvaluateAsync<string>($$"""
            () => document.documentElement.scrollWidth <= {{Width}} ? "" :
                "the page is " + document.documentElement.scrollWidth + " px wide; without each part: "
                + [...document.body.children].map(c => { const d = c.style.display; c.style.display = "none"; const w = document.documentElement.scrollWidth; c.style.display = d; return c.tagName + "." + c.className + " " + w; }).join(", ")
            """);
}
