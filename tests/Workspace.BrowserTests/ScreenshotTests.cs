using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>
/// The main pages as each kind of person sees them, on a laptop and a phone. With WORKSPACE_SCREENSHOTS set to a
/// folder (docs/screenshots), each page is also saved there as a PNG for the README.
/// </summary>
public sealed class ScreenshotTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("WORKSPACE_SCREENSHOTS") is { Length: > 0 } folder ? Repository.Folder(folder) : null;

    [BrowserFact]
    public async Task The_main_pages_show_each_person_their_work_on_a_laptop_and_on_a_phone()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host.Server, "Joint statement on the rights of trafficked children", "Unanimous", TimeSpan.FromDays(2));
        await PaperScenario.ApproveAsync(host.Server, paper.Id, revision, "UNHCR");
        await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(paper.Id, revision.Number, revision.ContentHash, "Object",
            "Paragraph 2 should name the non-punishment principle.");
        var meeting = (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).ListMeetingsAsync())[0];
        var published = (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).ListPublicationsAsync())[0];

        var focal = await host.NewPageAsync("America/New_York");
        await focal.SetViewportSizeAsync(1280, 900);
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("UNHCR"));
        await Assertions.Expect(focal.Locator("main")).ToContainTextAsync("Sign-offs UNHCR owes");
        await SaveAsync(focal, "home");
        await focal.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(focal.Locator("tr[data-agency-row='IOM']")).ToContainTextAsync("Objected");
        await SaveAsync(focal, "paper");
        await focal.GotoAsync($"/meetings/{meeting.Id}");
        await Assertions.Expect(focal.Locator("dd time").First).ToContainTextAsync("your time, New York");
        await SaveAsync(focal, "meeting");

        var secretariat = await host.NewPageAsync();
        await secretariat.SetViewportSizeAsync(1440, 900);
        await BrowserHost.SignInHomeAsync(secretariat, WorkspaceHost.Secretariat);
        await secretariat.GotoAsync("/board");
        await Assertions.Expect(secretariat.Locator($"[data-paper='{paper.Id}'][data-agency='IOM']")).ToContainTextAsync("Objected");
        await SaveAsync(secretariat, "board");

        var reader = await host.NewPageAsync();
        await reader.SetViewportSizeAsync(1280, 900);
        await reader.GotoAsync($"/publications/{published.PaperId}");
        await Assertions.Expect(reader.Locator("code.hash")).ToHaveTextAsync(published.ContentHash);
        await SaveAsync(reader, "publication");

        // On a phone the page fits its width: nothing to scroll sideways but the board's own region and the navigation's one line.
        var phone = await host.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await BrowserHost.SignInHomeAsync(phone, WorkspaceHost.FocalPoint("UNHCR"));
        await phone.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeVisibleAsync();
        var wide = await phone.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.board-scroll, .table-scroll, nav ul')).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))");
        Assert.True(wide.Length == 0, "The paper page scrolls sideways on a phone: " + string.Join("; ", wide));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The paper page is wider than the phone.");
        await SaveAsync(phone, "paper-phone");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = false });
        }
    }
}
