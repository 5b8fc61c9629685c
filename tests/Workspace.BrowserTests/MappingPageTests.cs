using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>The mapping of members: a focal point maps the agency; an outside reader filters the directory and prints it.</summary>
public sealed class MappingPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = BrowserHost.Patience };

    [BrowserFact]
    public async Task A_focal_point_maps_the_agency_and_an_outside_reader_finds_it_under_its_theme()
    {
        var focal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("UNOPS"));
        await focal.GotoAsync("/admin/agencies/UNOPS");
        await focal.GetByLabel("Technology", new() { Exact = true }).CheckAsync();
        await focal.GetByLabel("Africa", new() { Exact = true }).CheckAsync();
        await focal.GetByLabel("Activity 1: title").FillAsync("Ethical procurement standard");
        await focal.GetByLabel("Activity 1: year").FillAsync("1800");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("#error-summary")).ToContainTextAsync("A year from 1990 to next year.", Patient));
        await focal.GetByLabel("Activity 1: year").FillAsync("2025");
        await focal.GetByLabel("Activity 1: link").FillAsync("https://www.unops.org/procurement");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("h1")).ToContainTextAsync("United Nations Office for Project Services", Patient));
        await Assertions.Expect(focal.GetByRole(AriaRole.Link, new() { Name = "Ethical procurement standard" })).ToHaveAttributeAsync("href", "https://www.unops.org/procurement");

        var reader = await host.NewPageAsync();
        await reader.GotoAsync("/members");
        await reader.GetByLabel("Theme").SelectOptionAsync("Technology");
        await reader.GetByLabel("Region").SelectOptionAsync("Africa");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await BrowserHost.ExpectAsync(reader, () => Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Members working on Technology in Africa", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(reader.Locator("ul.directory")).ToContainTextAsync("United Nations Office for Project Services");
        await Assertions.Expect(reader.Locator("ul.directory")).Not.ToContainTextAsync("United Nations Children's Fund");

        var listed = await reader.Locator("ul.directory > li").CountAsync();
        await reader.GetByRole(AriaRole.Link, new() { Name = "Printable: one page per member" }).ClickAsync();
        await BrowserHost.ExpectAsync(reader, () => Assertions.Expect(reader.Locator("article.print-page", new() { HasText = "(UNOPS)" })).ToContainTextAsync("Ethical procurement standard", Patient));
        Assert.Equal(listed, await reader.Locator("article.print-page").CountAsync());
    }
}
