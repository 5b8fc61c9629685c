using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>
/// Every page, in each of the six languages, scanned by axe-core: no serious or critical violation (WCAG 2.1 AA); and
/// in the five others than English, no sentence of the interface left in English where its translation exists.
/// </summary>
public sealed class AccessibilityTests(BrowserHost host) : AccessibilityScan(host), IClassFixture<BrowserHost>
{
    [BrowserFact]
    public Task Every_page_in_English_has_no_serious_or_critical_violation() => ScanAsync("en");

    [BrowserFact]
    public Task Every_page_in_French_has_no_serious_or_critical_violation() => ScanAsync("fr");

    [BrowserFact]
    public async Task French_pages_say_so_and_the_choice_is_remembered()
    {
        var page = await Host.NewPageAsync();
        await page.GotoAsync("/members?culture=fr");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Organisations membres");

        await page.GotoAsync("/login");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByLabel("Mot de passe")).ToBeVisibleAsync();

        await page.GotoAsync("/publications?culture=en");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Publications");
    }

    [BrowserFact]
    public async Task A_person_chooses_French_and_a_zone_in_the_settings_and_keeps_them_on_another_device()
    {
        var page = await Host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("UNHCR"));
        await Assertions.Expect(page.Locator("#zone-check")).ToBeHiddenAsync();
        await page.GotoAsync("/settings");
        // The zone was first taken from the browser at sign-in.
        Assert.Equal("Europe/Vienna", await page.GetByLabel("Time zone", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel("Time zone", new() { Exact = true }).SelectOptionAsync("Asia/Bangkok");
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Préférences", new() { Timeout = BrowserHost.Patience }));
        // This browser stays in Vienna: the next page asks, naming both cities in French.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#zone-check")).ToHaveTextAsync("Votre navigateur est dans le fuseau horaire de Vienne, mais les heures sont affichées ici dans celui de Bangkok. Le changer dans les préférences");

        var other = await Host.NewPageAsync("America/New_York");
        await BrowserHost.SignInAsync(other, WorkspaceHost.FocalPoint("UNHCR"));
        await BrowserHost.ExpectAsync(other, () => Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Ce qui vous attend", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal("fr", await other.Locator("html").GetAttributeAsync("lang"));
        // This browser is in New York: the page asks rather than switching the profile's zone.
        await Assertions.Expect(other.Locator("#zone-check")).ToContainTextAsync("New York");
        await Assertions.Expect(other.Locator("#zone-check")).ToContainTextAsync("Bangkok");
        await other.GotoAsync("/settings");
        Assert.Equal("Asia/Bangkok", await other.GetByLabel("Fuseau horaire", new() { Exact = true }).InputValueAsync());
    }
}

/// <summary>The scan of every page in a language, shared by the classes that run the six languages side by side.</summary>
public abstract class AccessibilityScan(BrowserHost host)
{
    protected BrowserHost Host { get; } = host;

    protected async Task ScanAsync(string culture)
    {
        var (draft, _) = await PaperScenario.InSignOffAsync(Host.Server, $"Statement scanned in {culture}", "Unanimous", TimeSpan.FromDays(3));
        var secretariat = await Host.Server.ClientFor(WorkspaceHost.Secretariat);
        var meeting = (await secretariat.ListMeetingsAsync())[0];
        var publication = (await secretariat.ListPublicationsAsync())[0];
        var group = (await secretariat.ListWorkingGroupsAsync())[0];
        var poll = await secretariat.OpenPollAsync($"Poll scanned in {culture}", "Plenary", "Europe/Vienna", 60,
            [Host.Server.Clock.GetUtcNow().AddDays(20), Host.Server.Clock.GetUtcNow().AddDays(21)], Host.Server.Clock.GetUtcNow().AddDays(10), invitedAgencyCodes: ["IOM"]);
        var pages = new[]
        {
            "/", "/papers", "/papers/new", "/papers/annual-report", $"/papers/{draft.Id}", $"/papers/{draft.Id}/edit", $"/papers/{draft.Id}/matrix", $"/papers/{draft.Id}/decide", $"/papers/{draft.Id}/versions/es", "/board", "/meetings", "/meetings/new", $"/meetings/{meeting.Id}",
            "/notifications", "/action-items", "/action-items?overdue=true", "/polls", "/polls/new", $"/polls/{poll.Id}", "/settings", "/settings/mail", "/settings/alternate", "/settings/clearance?agency=UNHCR", "/mail/unsubscribe?t=x", "/mail/rsvp?t=x", "/members", "/members?theme=Children&region=Global", "/members/print?theme=Conflict", "/members/IOM", "/publications", $"/publications/{publication.PaperId}",
            "/admin", "/admin/agencies", "/admin/agencies/IOM", "/admin/people", "/admin/cochair-terms", "/admin/sign-off-rules?kind=JointStatement&reviewers=es", "/admin/directory", "/admin/working-groups", $"/admin/working-groups/{group.Id}",
        };

        var page = await Host.NewPageAsync();
        // axe-core itself, in every page the scan opens (as an init script, so the pages' own policy does not refuse it).
        await page.Context.AddInitScriptAsync(AxeSource.Value);
        await page.GotoAsync($"/login?culture={culture}");
        var failures = new List<string>();
        Check(failures, "/login", await ViolationsAsync(page));
        // Signed in through the English labels, then the language chosen again for every page after.
        await page.GotoAsync("/login?culture=en");
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);
        await page.GotoAsync($"/?culture={culture}");
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
            Check(failures, path, await ViolationsAsync(page));
            if (culture != "en")
            {
                failures.AddRange(await EnglishLeftAsync(page, culture, path));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The interface's sentences shown in English on a page in <paramref name="culture"/> although they are translated:
    /// the page's own words (not what people wrote: titles in <c>bdi</c>, texts in their own <c>lang</c> or
    /// <c>dir="auto"</c>, the paper's text), checked against every translated string of three words or more.
    /// </summary>
    private static async Task<IEnumerable<string>> EnglishLeftAsync(IPage page, string culture, string path)
    {
        var words = await page.EvaluateAsync<string>("""
            () => {
                const copy = document.body.cloneNode(true);
                copy.querySelectorAll('bdi, [dir=auto], [lang]:not([lang=""]), .markdown, .revision-text, .diff, pre, textarea, script, style, template, [hidden]').forEach(e => e.remove());
                return copy.textContent.replace(/\s+/g, ' ');
            }
            """);
        return English.Value[culture].Where(sentence => words.Contains(sentence, StringComparison.Ordinal)).Select(sentence => $"{path}: \"{sentence}\" is shown in English");
    }

    /// <summary>By language, the English sentences of the interface (three words or more, no placeholder) whose translation differs.</summary>
    private static readonly Lazy<Dictionary<string, List<string>>> English = new(() => new[] { "fr", "es", "ru", "zh", "ar" }.ToDictionary(l => l, l =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "src", "Workspace.Server", "Locale", $"Ui.{l}.resx")).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string)d.Element("value")!))
            .Where(d => d.Item1 != d.Item2 && !d.Item1.Contains('{', StringComparison.Ordinal) && d.Item1.Split(' ').Length >= 3)
            .Select(d => d.Item1).ToList()));

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// axe-core's run on the page, violations only, straight in the page: the same rules as <c>RunAxe</c>, without the
    /// wrapper's second page per scan (for frames these pages do not have), which made each scan ten times slower.
    /// </summary>
    private static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<Violation[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))
            """);

    private sealed class Violation
    {
        public string Id { get; set; } = "";

        public string Impact { get; set; } = "";

        public string Help { get; set; } = "";

        public string[] Targets { get; set; } = [];
    }

    private static void Check(List<string> failures, string path, IReadOnlyList<Violation> violations) =>
        failures.AddRange(violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}"));
}

/// <summary>Spanish and Russian, in a class of their own so the six languages' scans run beside each other.</summary>
public sealed class AccessibilityTestsInSpanishAndRussian(BrowserHost host) : AccessibilityScan(host), IClassFixture<BrowserHost>
{
    [BrowserFact]
    public Task Every_page_in_Spanish_has_no_serious_or_critical_violation() => ScanAsync("es");

    [BrowserFact]
    public Task Every_page_in_Russian_has_no_serious_or_critical_violation() => ScanAsync("ru");
}

/// <summary>Chinese and Arabic, in a class of their own so the six languages' scans run beside each other.</summary>
public sealed class AccessibilityTestsInChineseAndArabic(BrowserHost host) : AccessibilityScan(host), IClassFixture<BrowserHost>
{
    [BrowserFact]
    public Task Every_page_in_Chinese_has_no_serious_or_critical_violation() => ScanAsync("zh");

    [BrowserFact]
    public Task Every_page_in_Arabic_has_no_serious_or_critical_violation() => ScanAsync("ar");
}
