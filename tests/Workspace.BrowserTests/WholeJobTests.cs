using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>A paper's whole life in the browser alone: drafted, put to sign-off, approved, published, read by the public.</summary>
public sealed class WholeJobTestsOnSqlite(BrowserHost host) : WholeJobTests<BrowserHost>(host);

public sealed class WholeJobTestsOnPostgres(BrowserHostOnPostgres host) : WholeJobTests<BrowserHostOnPostgres>(host);

public abstract class WholeJobTests<THost>(THost host) : IClassFixture<THost>
    where THost : BrowserHost
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = BrowserHost.Patience };

    [BrowserFact]
    public async Task A_lead_drafts_and_puts_a_statement_to_sign_off_the_agencies_approve_and_the_secretariat_publishes_it()
    {
        var lead = await host.NewPageAsync("Europe/Vienna");
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync("/papers/new");
        await lead.GetByLabel("Title").FillAsync("Joint statement on forced labour in supply chains");
        await lead.GetByLabel("Kind").SelectOptionAsync("JointStatement");
        await lead.GetByLabel("IOM", new() { Exact = true }).CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Create the paper" }).ClickAsync();

        var text = lead.GetByLabel("Text (markdown)");
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(text).ToBeVisibleAsync(Visible));
        await text.FillAsync("# Joint statement on forced labour in supply chains\n\nStates should require **due diligence** from companies.\n");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator(".draft strong")).ToHaveTextAsync("due diligence", new() { Timeout = BrowserHost.Patience }));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Open a sign-off round on revision 1" })).ToBeVisibleAsync(Visible));
        var paperId = Guid.Parse(new Uri(lead.Url).AbsolutePath.Split('/')[2]);

        // The deadline is typed in the lead's own zone (Vienna, taken from the browser at sign-in).
        await lead.GetByLabel("Deadline (Vienna time)").FillAsync("2026-06-20T18:00");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator(".summary-list")).ToContainTextAsync("Sat 20 Jun, 18:00 Vienna", new() { Timeout = BrowserHost.Patience }));
        var api = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        var opened = await api.GetPaperAsync(paperId);
        Assert.Equal(new DateTimeOffset(2026, 6, 20, 16, 0, 0, TimeSpan.Zero), opened.Round!.Deadline);

        await lead.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator("tr[data-agency-row='ILO']")).ToContainTextAsync("Approved", new() { Timeout = BrowserHost.Patience }));
        var iom = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(iom, WorkspaceHost.FocalPoint("IOM"));
        await Assertions.Expect(iom.Locator("main")).ToContainTextAsync("Joint statement on forced labour in supply chains");
        await iom.GotoAsync($"/papers/{paperId}");
        await iom.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await BrowserHost.ExpectAsync(iom, () => Assertions.Expect(iom.Locator(".summary-list")).ToContainTextAsync("Signed off", new() { Timeout = BrowserHost.Patience }));

        var secretariat = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(secretariat, WorkspaceHost.Secretariat);
        await secretariat.GotoAsync($"/papers/{paperId}");
        await secretariat.GetByLabel("Summary").FillAsync("Member agencies call for due diligence against forced labour.");
        // Tags are ticked from the secretariat's lists: no typo can make a filter of its own.
        await secretariat.GetByRole(AriaRole.Group, new() { Name = "Tags" }).GetByLabel("Global", new() { Exact = true }).CheckAsync();
        await secretariat.GetByRole(AriaRole.Group, new() { Name = "Tags" }).GetByLabel("Labour migration", new() { Exact = true }).CheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Publish the paper" }).ClickAsync();
        await BrowserHost.ExpectAsync(secretariat, () => Assertions.Expect(secretariat.Locator(".summary-list")).ToContainTextAsync("Published", new() { Timeout = BrowserHost.Patience }));
        // The published paper leads to its public page.
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Link, new() { Name = "Read it on its public page" })).ToHaveAttributeAsync("href", $"/publications/{paperId}");

        var reader = await host.NewPageAsync();
        await reader.GotoAsync("/publications?tag=Labour%20migration");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Joint statement on forced labour in supply chains" }).ClickAsync();
        await BrowserHost.ExpectAsync(reader, () => Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Joint statement on forced labour in supply chains", new() { Timeout = BrowserHost.Patience }));
        var hash = (await api.GetPaperAsync(paperId)).LatestRevision!.ContentHash;
        await Assertions.Expect(reader.Locator("code.hash")).ToHaveTextAsync(hash);
        await Assertions.Expect(reader.Locator(".signatory")).ToHaveTextAsync(["ILO", "IOM"]);
        await Assertions.Expect(reader.Locator("article strong")).ToHaveTextAsync("due diligence");
    }

    [BrowserFact]
    public async Task The_notification_bell_counts_what_is_unread_and_marking_one_read_lowers_it_live()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement that rings the bell", "Unanimous", TimeSpan.FromDays(3));
        await PaperScenario.InSignOffAsync(host.Server, "Statement that rings it again", "Unanimous", TimeSpan.FromDays(3));
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("UNHCR"));
        // On the home page each unread notice leads to what it is about.
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("section[aria-labelledby='unread-title'] a", new() { HasText = "Statement that rings the bell" }).First)
            .ToHaveAttributeAsync("href", $"/papers/{paper.Id}", new() { Timeout = BrowserHost.Patience }));
        await page.GotoAsync("/notifications");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = BrowserHost.Patience }));
        var unread = (await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListNotificationsAsync(unreadOnly: true)).Count;
        Assert.True(unread > 0);
        await Assertions.Expect(page.Locator("nav .bell")).ToContainTextAsync($"{unread} unread");

        await page.Locator("li.unread", new() { HasText = "Statement that rings the bell" }).First.GetByRole(AriaRole.Button).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("nav .bell")).ToContainTextAsync($"{unread - 1} unread", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal(unread - 1, (await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListNotificationsAsync(unreadOnly: true)).Count);
        Assert.NotEqual(Guid.Empty, paper.Id);

        // The rest at once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("main")).ToContainTextAsync("Nothing unread.", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator("li.unread")).ToHaveCountAsync(0);
        Assert.Empty(await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListNotificationsAsync(unreadOnly: true));
    }
}
