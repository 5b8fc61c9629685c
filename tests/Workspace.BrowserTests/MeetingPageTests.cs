using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

public sealed class MeetingPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_co_chair_schedules_a_meeting_and_a_focal_point_in_another_zone_sees_it_in_theirs()
    {
        // ILO co-chairs in the demo; its browser is in Vienna, UNICEF's in New York.
        var coChair = await host.NewPageAsync("Europe/Vienna");
        await BrowserHost.SignInHomeAsync(coChair, WorkspaceHost.FocalPoint("ILO"));
        await coChair.GotoAsync("/meetings/new");
        await coChair.GetByLabel("Title").FillAsync("Plenary on the annual report");
        await coChair.GetByLabel("Kind").SelectOptionAsync("Plenary");
        await coChair.GetByLabel("Date").FillAsync("2026-07-01");
        await coChair.GetByLabel("Start time").FillAsync("15:00");
        // The zone is left empty: the venue's city names it.
        Assert.Equal("", await coChair.GetByLabel("Time zone of the meeting").InputValueAsync());
        await coChair.GetByLabel("Duration in minutes").FillAsync("120");
        await coChair.GetByLabel("Venue").FillAsync("Vienna International Centre, Board Room C");
        await coChair.GetByLabel("Online meeting link").FillAsync("https://meet.example.org/plenary");
        await coChair.GetByLabel("Agenda").FillAsync("Adoption of the agenda\nDraft annual report [ILO]\n\nAny other business");
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();

        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(coChair.Locator("h1")).ToHaveTextAsync("Plenary on the annual report", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(coChair.Locator(".summary-list")).ToContainTextAsync("Vienna International Centre, Board Room C");
        await Assertions.Expect(coChair.GetByRole(AriaRole.Link, new() { Name = "Join online" })).ToHaveAttributeAsync("href", "https://meet.example.org/plenary");
        await Assertions.Expect(coChair.Locator("section[aria-labelledby='agenda-title'] li")).ToHaveTextAsync(["Adoption of the agenda", "Draft annual report (presented by ILO)", "Any other business"]);
        await Assertions.Expect(coChair.GetByRole(AriaRole.Link, new() { Name = "Add to my calendar (.ics)" })).ToHaveAttributeAsync("download", "plenary-on-the-annual-report.ics");
        var address = new Uri(coChair.Url).AbsolutePath;
        // The organizer reads it in the meeting's zone, which is theirs: no second time.
        var when = await coChair.Locator("dd time").First.InnerTextAsync();
        Assert.Equal("Wed 1 Jul, 15:00 Vienna", when);

        var focal = await host.NewPageAsync("America/New_York");
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("UNICEF"));
        await focal.GotoAsync(address);
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("dd time").First).ToHaveTextAsync("Wed 1 Jul, 15:00 Vienna (09:00 your time, New York)", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal("2026-07-01T13:00:00Z", await focal.Locator("dd time").First.GetAttributeAsync("datetime"));

        // The focal point answers for UNICEF, and the home page lists it among their next meetings, in their zone.
        await focal.GetByLabel("Accepted").CheckAsync();
        await focal.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("tr", new() { HasText = "UNICEF" })).ToContainTextAsync("Accepted", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(focal.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your answer" })).ToHaveTextAsync("Your answer is recorded: Accepted. You can change it until the meeting starts.");
        await focal.GotoAsync("/");
        await Assertions.Expect(focal.Locator("main")).ToContainTextAsync("Plenary on the annual report", new() { Timeout = BrowserHost.Patience });
    }

    [BrowserFact]
    public async Task A_co_chair_reading_in_french_finds_the_zone_by_typing_a_city_and_moves_the_meeting_with_its_venue()
    {
        var coChair = await host.NewPageAsync("Europe/Vienna");
        await BrowserHost.SignInHomeAsync(coChair, WorkspaceHost.FocalPoint("ILO"));
        await coChair.GotoAsync("/meetings/new?culture=fr");
        await coChair.GetByLabel("Titre").FillAsync("Réunion des chefs à Bangkok");
        await coChair.GetByLabel("Date").FillAsync("2026-07-02");
        await coChair.GetByLabel("Heure de début").FillAsync("09:00");
        var zone = coChair.GetByLabel("Fuseau horaire de la réunion");
        // The list offers each zone by its city and country in French, with its offset.
        Assert.Contains("Vienne, Autriche — UTC+02:00", await coChair.Locator("#zone-choices option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await zone.FillAsync("Atlantide");
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Programmer la réunion" }).ClickAsync();
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(coChair.Locator(".error-summary")).ToContainTextAsync("Choisissez un fuseau horaire dans la liste", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(coChair.GetByLabel("Fuseau horaire de la réunion")).ToHaveValueAsync("Atlantide");

        await coChair.GetByLabel("Fuseau horaire de la réunion").FillAsync("bangkok");
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Programmer la réunion" }).ClickAsync();
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(coChair.Locator("h1")).ToHaveTextAsync("Réunion des chefs à Bangkok", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(coChair.Locator("dd time").First).ToHaveTextAsync("jeu. 2 juil., 09:00 Bangkok (04:00 votre heure, Vienne)");

        // Moving it keeps the zone as it is named in French, and gives it a venue.
        await Assertions.Expect(coChair.GetByLabel("Fuseau horaire de la réunion")).ToHaveValueAsync("Bangkok, Thaïlande — UTC+07:00");
        await coChair.GetByLabel("Heure de début").FillAsync("10:00");
        await coChair.GetByLabel("Lieu").FillAsync("Centre de conférences des Nations Unies, salle 3");
        await coChair.GetByRole(AriaRole.Button, new() { Name = "Reprogrammer la réunion" }).ClickAsync();
        await BrowserHost.ExpectAsync(coChair, () => Assertions.Expect(coChair.Locator("dd time").First).ToHaveTextAsync("jeu. 2 juil., 10:00 Bangkok (05:00 votre heure, Vienne)", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(coChair.Locator(".summary-list")).ToContainTextAsync("Centre de conférences des Nations Unies, salle 3");
    }

    [BrowserFact]
    public async Task The_secretariat_starts_the_minutes_of_a_meeting_and_the_meeting_links_to_them()
    {
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        var meeting = await secretariat.ScheduleMeetingAsync("Heads' meeting with minutes", "Heads", host.Server.Clock.GetUtcNow().AddHours(2), 90, "Europe/Zurich");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);
        await page.GotoAsync($"/meetings/{meeting.Id}");
        // Minutes are written once the meeting has begun.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start the minutes" })).ToHaveCountAsync(0);
        host.Server.Clock.Advance(TimeSpan.FromHours(3));
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);
        await page.GotoAsync($"/meetings/{meeting.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the minutes" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByLabel("Text (markdown)")).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Minutes: Heads' meeting with minutes");
        await page.GotoAsync($"/meetings/{meeting.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Read the minutes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start the minutes" })).ToHaveCountAsync(0);
        Assert.NotNull((await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).GetMeetingAsync(meeting.Id)).MinutesPaperId);
    }

    [BrowserFact]
    public async Task A_focal_point_who_may_not_convene_is_told_so_and_nothing_is_scheduled()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("OHCHR"));
        var before = (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).ListMeetingsAsync()).Count;
        await page.GotoAsync("/meetings/new");
        await page.GetByLabel("Title").FillAsync("A plenary OHCHR may not call");
        await page.GetByLabel("Date").FillAsync("2026-07-02");
        await page.GetByLabel("Start time").FillAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("co-chair");
        Assert.Equal("A plenary OHCHR may not call", await page.GetByLabel("Title").InputValueAsync());
        Assert.Equal(before, (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).ListMeetingsAsync()).Count);
    }
}
