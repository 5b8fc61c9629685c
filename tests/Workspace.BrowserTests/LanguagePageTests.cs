using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>
/// The pages in Arabic, Chinese and Russian as their readers see them: Arabic right to left (the navigation and the
/// board start at the right, nothing scrolls sideways on a phone), counts in each language's plural forms.
/// </summary>
public sealed class LanguagePageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = BrowserHost.Patience };

    /// <summary>Signs in (through the English sign-in page), then asks for the pages in <paramref name="culture"/> from here on.</summary>
    private async Task<IPage> SignedInAsync(string email, string culture, (int Width, int Height)? screen = null)
    {
        var page = await host.NewPageAsync(screen: screen);
        await BrowserHost.SignInHomeAsync(page, email);
        await page.GotoAsync($"/?culture={culture}");
        return page;
    }

    [BrowserFact]
    public async Task Arabic_pages_read_from_the_right_the_navigation_and_the_board_start_there()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement read from the right", "Unanimous", TimeSpan.FromDays(4));
        var page = await SignedInAsync(WorkspaceHost.FocalPoint("IOM"), "ar");
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ما ينتظرك", Patient);

        // The first link of the navigation ("Home") stands right of the second ("Papers").
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "التنقل الرئيسي" });
        var home = await BoxAsync(navigation.GetByRole(AriaRole.Link, new() { Name = "الرئيسية" }));
        var papers = await BoxAsync(navigation.GetByRole(AriaRole.Link, new() { Name = "الوثائق", Exact = true }));
        Assert.True(home.X > papers.X, $"Home at x={home.X}, Papers at x={papers.X}: the navigation does not start at the right.");

        await page.GotoAsync("/board");
        var headers = page.Locator("table.board thead th");
        var first = await BoxAsync(headers.Nth(0));
        var second = await BoxAsync(headers.Nth(1));
        Assert.True(first.X > second.X, $"The board's first column at x={first.X}, its second at x={second.X}.");
        await Assertions.Expect(headers.Nth(0)).ToHaveTextAsync("الوثيقة");
        var row = page.Locator("table.board tbody tr").Filter(new() { HasText = "Statement read from the right" });
        // The paper's title stays English inside the Arabic page, isolated so its full stop keeps its side.
        Assert.Equal("bdi", await row.Locator("th a > *").First.EvaluateAsync<string>("e => e.localName"));
        await Assertions.Expect(row.Locator("td").Filter(new() { HasText = "IOM" }).Or(row.Locator("[data-agency=IOM]")).First).ToBeVisibleAsync();

        await page.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "موافقة" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("أيام");
    }

    [BrowserFact]
    public async Task Arabic_pages_on_a_phone_never_scroll_sideways()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement on a narrow screen", "Unanimous", TimeSpan.FromDays(4));
        var page = await SignedInAsync(WorkspaceHost.Secretariat, "ar", BrowserHost.Phone);
        var wide = new List<string>();
        foreach (var path in new[] { "/", "/board", $"/papers/{paper.Id}", $"/papers/{paper.Id}/matrix", "/papers", "/meetings", "/members", "/publications", "/settings", "/admin/people", $"/papers/{paper.Id}/versions/fr", "/admin/sign-off-rules?kind=JointStatement&reviewers=fr" })
        {
            await page.GotoAsync(path);
            Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, width) = (sizes[0], sizes[1]);
            if (scroll > width)
            {
                var culprits = await page.EvaluateAsync<string>("""
                    () => [...document.querySelectorAll('main *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1); })
                        .filter(e => ![...e.children].some(c => { const r = c.getBoundingClientRect(); return r.left < -1 || r.right > document.documentElement.clientWidth + 1; }))
                        .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + ' px').join(', ')
                    """);
                wide.Add($"{path}: {scroll} px wide on a {width} px screen, past its edge: {culprits}");
            }
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    [BrowserFact]
    public async Task Russian_and_Chinese_pages_count_days_and_rounds_in_their_own_words()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement counted in two scripts", "Unanimous", TimeSpan.FromDays(5));
        var russian = await SignedInAsync(WorkspaceHost.Secretariat, "ru");
        await russian.GotoAsync($"/papers/{paper.Id}");
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        var days = (long)((await secretariat.GetPaperAsync(paper.Id)).Round!.Deadline - host.Server.Clock.GetUtcNow()).TotalDays;
        await Assertions.Expect(russian.Locator("main")).ToContainTextAsync($"{Russian(days, "остался", "осталось", "осталось")} {days} {Russian(days, "день", "дня", "дней")}");

        // The home page counts the open rounds across papers: "Открыто 3 раунда.", "Открыто 5 раундов."
        await russian.GotoAsync("/");
        var open = (await secretariat.ListPapersAsync()).Count(p => p.State == "InSignOff");
        await Assertions.Expect(russian.Locator("main")).ToContainTextAsync($"{Russian(open, "Открыт", "Открыто", "Открыто")} {open} {Russian(open, "раунд", "раунда", "раундов")}.");

        var chinese = await SignedInAsync(WorkspaceHost.Secretariat, "zh");
        await chinese.GotoAsync($"/papers/{paper.Id}");
        Assert.Equal("zh", await chinese.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(chinese.Locator("main")).ToContainTextAsync($"还剩 {days} 天");
        await Assertions.Expect(chinese.Locator("h1")).ToHaveTextAsync("Statement counted in two scripts");
        // A Chinese date puts the month first and the day's name after it: "12月12日周六".
        await Assertions.Expect(chinese.Locator("main time").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,2}月\d{1,2}日周[一二三四五六日]"));
    }

    /// <summary>Where the element stands; a live part that renders again meanwhile is looked up again until it holds still.</summary>
    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator element)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Assertions.Expect(element).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
            if (await element.BoundingBoxAsync(new() { Timeout = 5_000 }) is { } box)
            {
                return box;
            }
        }

        throw new Xunit.Sdk.XunitException("The element never held still on the page.");
    }

    /// <summary>The Russian form for <paramref name="n"/>: one for 1, 21, 31…; few for 2–4, 22–24…; many for the rest.</summary>
    private static string Russian(long n, string one, string few, string many) => (n % 10, n % 100) switch
    {
        (1, not 11) => one,
        ( >= 2 and <= 4, < 12 or > 14) => few,
        _ => many,
    };
}
