using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

public sealed class PollPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_co_chair_proposes_times_sees_an_answer_arrive_live_and_picks_the_time_that_schedules_the_meeting()
    {
        // ILO co-chairs in the demo, in Vienna; UNICEF's focal point reads in New York.
        var coChair = await host.NewPageAsync("Europe/Vienna");
        await BrowserHost.SignInHomeAsync(coChair, WorkspaceHost.FocalPoint("ILO"));
        await coChair.GotoAsync("/polls/new");
        await coChair.GetByLabel("Title").FillAsync("Heads' meeting on data");
        await coChair.GetByLabel("Kind").SelectOptionAsync("Heads");
        Assert.Equal("Vienna, Austria — UTC+02:00", await coChair.GetByLabel("Time zone of the meeting").InputValueAsync());
        await coChair.GetByLabel("Duration in minutes").FillAsync("60");
        await coChair.GetByLabel("Time 1: date").FillAsync("2026-07-01");
        await coChair.GetByLabel("Time 1: start").FillAsync("07:00");
        await coChair.GetByLabel("Time 2: date").FillAsync("2026-07-01");
        await coChair.GetByLabel("Time 2: start").FillAsync("15:00");
        await coChair.GetByLabel("Answers close on").FillAsync("2026-06-25");
        await coChair.GetByLabel("UNICEF", new() { Exact = true }).CheckAsync();
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Ask when agencies can meet" }).ClickAsync();
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(coChair.Locator("h1")).ToHaveTextAsync("Heads' meeting on data", new() { Timeout = BrowserHost.Patience }));
        var address = new Uri(coChair.Url).AbsolutePath;
        var grid = coChair.Locator("table.poll-grid[data-live=on]");
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(grid).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));

        var focal = await host.NewPageAsync("America/New_York");
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("UNICEF"));
        await focal.GotoAsync(address);
        // 07:00 in Vienna is 01:00 in New York: marked early for this reader.
        var early = focal.Locator("table.poll-grid tbody tr").First;
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(early).ToContainTextAsync("(01:00 your time, New York)", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(early).ToContainTextAsync("early for you");
        await focal.Locator("fieldset").Nth(0).GetByLabel("No").CheckAsync();
        await focal.Locator("fieldset").Nth(1).GetByLabel("Yes").CheckAsync();
        await focal.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("table.poll-grid tbody tr").Nth(1).Locator("td[data-answer=Yes]"))
            .ToContainTextAsync("UNICEF", new() { Timeout = BrowserHost.Patience }));

        // The organizer's grid took the answer without a reload.
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(grid.Locator("tbody tr").Nth(1).Locator("td[data-answer=Yes]"))
            .ToContainTextAsync("UNICEF", new() { Timeout = BrowserHost.Patience }), host.ServerComplaints);
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Schedule it at Wed 1 Jul, 15:00 Vienna" }).ClickAsync();

        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(coChair.Locator("h1")).ToHaveTextAsync("Heads' meeting on data", new() { Timeout = BrowserHost.Patience }));
        Assert.StartsWith("/meetings/", new Uri(coChair.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("2026-07-01T13:00:00Z", await coChair.Locator("dd time").First.GetAttributeAsync("datetime"));
    }
}
