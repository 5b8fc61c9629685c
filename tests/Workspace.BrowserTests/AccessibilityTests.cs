using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>Every page, in English and in French, scanned by axe-core: no serious or critical violation (WCAG 2.1 AA).</summary>
public sealed class AccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public Task Every_page_in_English_has_no_serious_or_critical_violation() => ScanAsync("en");

    [BrowserFact]
    public Task Every_page_in_French_has_no_serious_or_critical_violation() => ScanAsync("fr");

    [BrowserFact]
    public async Task French_pages_say_so_and_the_choice_is_remembered()
    {
        var page = await host.NewPageAsync();
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
        var page = await host.NewPageAsync();
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

        var other = await host.NewPageAsync("America/New_York");
        await BrowserHost.SignInAsync(other, WorkspaceHost.FocalPoint("UNHCR"));
        await BrowserHost.ExpectAsync(other, () => Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Ce qui vous attend", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal("fr", await other.Locator("html").GetAttributeAsync("lang"));
        // This browser is in New York: the page asks rather than switching the profile's zone.
        await Assertions.Expect(other.Locator("#zone-check")).ToContainTextAsync("New York");
        await Assertions.Expect(other.Locator("#zone-check")).ToContainTextAsync("Bangkok");
        await other.GotoAsync("/settings");
        Assert.Equal("Asia/Bangkok", await other.GetByLabel("Fuseau horaire", new() { Exact = true }).InputValueAsync());
    }

    private async Task ScanAsync(string culture)
    {
        var (draft, _) = await PaperScenario.InSignOffAsync(host.Server, $"Statement scanned in {culture}", "Unanimous", TimeSpan.FromDays(3));
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        var meeting = (await secretariat.ListMeetingsAsync())[0];
        var publication = (await secretariat.ListPublicationsAsync())[0];
        var group = (await secretariat.ListWorkingGroupsAsync())[0];
        var poll = await secretariat.OpenPollAsync($"Poll scanned in {culture}", "Plenary", "Europe/Vienna", 60,
            [host.Server.Clock.GetUtcNow().AddDays(20), host.Server.Clock.GetUtcNow().AddDays(21)], host.Server.Clock.GetUtcNow().AddDays(10), invitedAgencyCodes: ["IOM"]);
        var pages = new[]
        {
            "/", "/papers", "/papers/new", "/papers/annual-report", $"/papers/{draft.Id}", $"/papers/{draft.Id}/edit", $"/papers/{draft.Id}/matrix", $"/papers/{draft.Id}/decide", "/board", "/meetings", "/meetings/new", $"/meetings/{meeting.Id}",
            "/notifications", "/action-items", "/action-items?overdue=true", "/polls", "/polls/new", $"/polls/{poll.Id}", "/settings", "/settings/mail", "/settings/alternate", "/settings/clearance?agency=UNHCR", "/mail/unsubscribe?t=x", "/mail/rsvp?t=x", "/members", "/members?theme=Children&region=Global", "/members/print?theme=Conflict", "/members/IOM", "/publications", $"/publications/{publication.PaperId}",
            "/admin", "/admin/agencies", "/admin/agencies/IOM", "/admin/people", "/admin/cochair-terms", "/admin/sign-off-rules?kind=JointStatement", "/admin/directory", "/admin/working-groups", $"/admin/working-groups/{group.Id}",
        };

        var page = await host.NewPageAsync();
        await page.GotoAsync($"/login?culture={culture}");
        var failures = new List<string>();
        Check(failures, "/login", await page.RunAxe());
        // Signed in through the English labels, then the language chosen again for every page after.
        await page.GotoAsync("/login?culture=en");
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);
        await page.GotoAsync($"/?culture={culture}");
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
            Check(failures, path, await page.RunAxe());
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Check(List<string> failures, string path, AxeResult result) =>
        failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}"));
}
