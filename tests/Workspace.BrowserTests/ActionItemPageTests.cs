using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

public sealed class ActionItemPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_co_chair_records_an_action_item_on_the_meeting_page_and_the_owner_marks_it_done_from_the_action_items_page()
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Plenary with an action", "Plenary", host.Server.Clock.GetUtcNow().AddDays(4), 60, "Europe/Vienna", invitedAgencyCodes: ["UNICEF"]);
        await ilo.AddAgendaItemAsync(meeting.Id, "Child protection data");

        var coChair = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(coChair, WorkspaceHost.FocalPoint("ILO"));
        await coChair.GotoAsync($"/meetings/{meeting.Id}");
        await coChair.GetByLabel("Action item", new() { Exact = true }).FillAsync("Map child helplines by region");
        await coChair.GetByLabel("Owner agency").SelectOptionAsync("UNICEF");
        await coChair.GetByLabel("Due date").FillAsync("2026-07-10");
        await coChair.GetByLabel("On agenda item (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Child protection data" });
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Record the action item" }).ClickAsync();
        var row = coChair.Locator("tr", new() { HasText = "Map child helplines by region" });
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(row).ToContainTextAsync("UNICEF", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(row).ToContainTextAsync("Child protection data");

        var owner = await host.NewPageAsync("America/New_York");
        await BrowserHost.SignInHomeAsync(owner, WorkspaceHost.FocalPoint("UNICEF"));
        await owner.GotoAsync("/action-items?agency=UNICEF");
        var mine = owner.Locator("tr", new() { HasText = "Map child helplines by region" });
        await Assertions.Expect(mine).ToContainTextAsync("Open");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();

        await BrowserHost.ExpectAsync(owner, () => Assertions.Expect(owner.Locator("tr", new() { HasText = "Map child helplines by region" })).ToContainTextAsync("Done", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal("Done", (await ilo.ListActionItemsAsync(agency: "UNICEF")).Single(i => i.Title == "Map child helplines by region").Status);
    }
}
