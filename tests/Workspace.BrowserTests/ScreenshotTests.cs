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
        await secretariat.GotoAsync("/");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Region, new() { Name = "Rounds across papers" })).ToContainTextAsync("Objected: IOM.");
        await SaveAsync(secretariat, "home-secretariat");


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

        // The board on a phone, in French: one card per paper, every agency's word readable without scrolling sideways.
        await phone.GotoAsync("/board?culture=fr");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Tableau des approbations");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The board is wider than the phone.");
        await SaveAsync(phone, "board-phone-fr");

        // Scheduling a meeting: the agenda in the form, the zone found by typing a city.
        await secretariat.GotoAsync("/meetings/new");
        await secretariat.GetByLabel("Title").FillAsync("Working Group, spring session");
        await secretariat.GetByLabel("Venue").FillAsync("Palais des Nations, Room XII, Geneva");
        await secretariat.GetByLabel("Agenda").FillAsync("Adoption of the agenda\nIssue brief on online recruitment [IOM]\nAny other business");
        await SaveAsync(secretariat, "meeting-new");

        // The lead's next revision, read as track changes show it: the changed words inside the sentence.
        var lead = await host.NewPageAsync();
        await lead.SetViewportSizeAsync(1280, 900);
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var first = await ilo.GetRevisionAsync(paper.Id, revision.Number);
        await ilo.AddRevisionAsync(paper.Id, revision.Number, first.Body.Replace("call on States to act", "call on States to act without delay and to apply the non-punishment principle", StringComparison.Ordinal));
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync($"/papers/{paper.Id}?revision=2&compare=1");
        await Assertions.Expect(lead.Locator("ins").First).ToContainTextAsync("without delay");
        await SaveAsync(lead, "paper-diff");
    }

    [BrowserFact]
    public async Task The_negotiation_of_a_text_reads_by_numbered_paragraphs_on_a_laptop_and_on_a_phone()
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Joint statement on recruitment fees", "JointStatement", "ILO", ["IOM", "UNHCR", "OHCHR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Joint statement on recruitment fees\n\n" +
            "The members of the Inter-Agency Coordination Group against Trafficking in Persons call on States to protect victims of trafficking in recruitment.\n\n" +
            "Workers should never pay for their own recruitment: employers bear the cost of recruitment, including fees and related costs.\n\n" +
            "- States regulate and monitor private recruitment agencies.\n- States give victims access to remedies.\n");
        var blocks = await ilo.GetBlocksAsync(paper.Id, 1);
        var iom = await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var survivors = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "victims", "Replace", "victims and survivors", "The term the survivors' networks use.");
        await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "employers", "Comment", "Name the employers' duties along the supply chain.");
        await iom.SendContributionAsync(paper.Id, 1);
        await iom.AddAnnotationAsync(paper.Id, 1, blocks[3].Id, "monitor", "Insert", " and license", "Licensing is the ILO's C181 wording.");
        var unhcr = await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var refugees = await unhcr.AddAnnotationAsync(paper.Id, 1, blocks[4].Id, "victims", "Replace", "victims, including refugees,");
        await unhcr.SendContributionAsync(paper.Id, 1);
        await ilo.DisposeAnnotationAsync(survivors.Id, "Accepted");
        await ilo.DisposeAnnotationAsync(refugees.Id, "PartlyAccepted", "Refugees are named in paragraph 2 instead.");

        var focal = await host.NewPageAsync("America/New_York");
        await focal.SetViewportSizeAsync(1280, 900);
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("IOM"));
        await focal.GotoAsync($"/papers/{paper.Id}#text-title");
        await Assertions.Expect(focal.Locator(".numbered [data-number='2']")).ToContainTextAsync("¶ 2");
        await SaveAsync(focal, "paper-negotiation");

        var lead = await host.NewPageAsync();
        await lead.SetViewportSizeAsync(1280, 900);
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync($"/papers/{paper.Id}/decide");
        await Assertions.Expect(lead.Locator(".task")).ToContainTextAsync("1 item on revision 1 awaits a decision.");
        await SaveAsync(lead, "decide");

        // On a phone, every item and its decision read without scrolling sideways, in English and in French.
        var phone = await host.NewPageAsync(screen: BrowserHost.Phone);
        await BrowserHost.SignInHomeAsync(phone, WorkspaceHost.FocalPoint("ILO"));
        foreach (var path in new[] { $"/papers/{paper.Id}", $"/papers/{paper.Id}/decide", $"/papers/{paper.Id}/decide?culture=fr", $"/papers/{paper.Id}/matrix" })
        {
            await phone.GotoAsync(path);
            var wide = await phone.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, nav ul')).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))");
            Assert.True(wide.Length == 0, $"{path} scrolls sideways on a phone: " + string.Join("; ", wide));
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than the phone.");
        }

        await phone.GotoAsync($"/papers/{paper.Id}/decide");
        await SaveAsync(phone, "decide-phone");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = false });
        }
    }
}
