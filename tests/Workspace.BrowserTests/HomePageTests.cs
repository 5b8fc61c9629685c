using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>The home page as the secretariat reads it: every open round across papers, what needs chasing and whom.</summary>
public sealed class HomePageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<Guid> RoundAsync(string title, TimeSpan deadlineIn, string? objector = null)
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync(title, "IssueBrief", "ILO", ["IOM", "UNHCR"]);
        var revision = await ilo.AddRevisionAsync(paper.Id, 0, $"# {title}\n\nText.\n");
        await ilo.OpenRoundAsync(paper.Id, revision.Number, "Unanimous", host.Server.Clock.GetUtcNow() + deadlineIn);
        if (objector is not null)
        {
            await (await host.Server.ClientFor(WorkspaceHost.FocalPoint(objector))).SignOffAsync(paper.Id, revision.Number, revision.ContentHash, "Object", "The figures in paragraph 2 are out of date.");
        }

        return paper.Id;
    }

    [BrowserFact]
    public async Task The_secretariat_sees_the_rounds_to_chase_across_papers_blocked_overdue_and_ending_this_week()
    {
        await RoundAsync("Brief blocked by an objection", TimeSpan.FromDays(10), objector: "UNHCR");
        await RoundAsync("Brief past its deadline", TimeSpan.FromDays(1));
        await RoundAsync("Brief ending this week", TimeSpan.FromDays(5));
        await RoundAsync("Brief with time to spare", TimeSpan.FromDays(30));
        host.Server.Clock.Advance(TimeSpan.FromDays(2));

        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);
        var rounds = page.GetByRole(AriaRole.Region, new() { Name = "Rounds across papers" });
        var blocked = rounds.GetByRole(AriaRole.List, new() { Name = "Blocked by an objection" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brief blocked by an objection" });
        await Assertions.Expect(blocked).ToContainTextAsync("Objected: UNHCR.");
        await Assertions.Expect(blocked).ToContainTextAsync("Objected: UNHCR. Awaiting: ILO, IOM.");
        var overdue = rounds.GetByRole(AriaRole.List, new() { Name = "Past the deadline" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brief past its deadline" });
        await Assertions.Expect(overdue).ToContainTextAsync("Awaiting: ILO, IOM, UNHCR.");
        var soon = rounds.GetByRole(AriaRole.List, new() { Name = "Ending within seven days" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brief ending this week" });
        await Assertions.Expect(soon).ToContainTextAsync("3 days left");
        await Assertions.Expect(rounds).Not.ToContainTextAsync("Brief with time to spare");
        await soon.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Brief ending this week");

        // A focal point's home has no such overview: it lists what their own agency owes.
        var focal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("IOM"));
        await Assertions.Expect(focal.GetByRole(AriaRole.Region, new() { Name = "Rounds across papers" })).ToHaveCountAsync(0);
        await Assertions.Expect(focal.Locator("main")).ToContainTextAsync("Brief ending this week");

        // In French, on a phone, the same overview reads in French and fits the screen.
        var phone = await host.NewPageAsync(screen: BrowserHost.Phone);
        await BrowserHost.SignInHomeAsync(phone, WorkspaceHost.Secretariat);
        await phone.GotoAsync("/?culture=fr");
        var enFrancais = phone.GetByRole(AriaRole.Region, new() { Name = "Tours d’approbation de tous les documents" });
        await BrowserHost.ExpectAsync(phone, () => Assertions.Expect(enFrancais.GetByRole(AriaRole.List, new() { Name = "Bloqués par une objection" })).ToContainTextAsync("Objection\u00a0: UNHCR.", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(enFrancais.GetByRole(AriaRole.List, new() { Name = "Se terminant dans les sept jours" })).ToContainTextAsync("encore 3 jours");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
    }
}
