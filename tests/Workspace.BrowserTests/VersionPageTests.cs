using System.Net.Http.Json;
using Microsoft.Playwright;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>
/// A brief signed in English and published in Spanish too, done in the browser: the lead writes the Spanish version on the
/// paper's page, the reviewer of Spanish confirms it in Spanish, and a Spanish reader of the public page gets the Spanish
/// text, told which text is authentic.
/// </summary>
public sealed class VersionPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Spanish = "# Declaración conjunta\n\nLos miembros del grupo instan a los Estados a actuar.\n";

    [BrowserFact]
    public async Task The_lead_writes_the_spanish_version_its_reviewer_confirms_it_and_a_spanish_reader_gets_it_with_the_authentic_text_named()
    {
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.SetLanguageReviewersAsync("es", [WorkspaceHost.FocalPoint("UNHCR")]);
        await secretariat.ChangeSignOffRuleAsync("Submission", "Participants", "Unanimous", TimeSpan.Zero, false, requiredLanguages: ["es"]);
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Submission in two languages", "Submission", "ILO", ["IOM", "UNHCR"]);
        var revision = await ilo.AddRevisionAsync(paper.Id, 0, "# Joint statement\n\nThe members of the group call on States to act.\n");

        // The lead finds the languages on the paper's page and writes the Spanish version.
        var lead = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync($"/papers/{paper.Id}");
        var languages = lead.GetByRole(AriaRole.Region, new() { Name = "Language versions" });
        await Assertions.Expect(languages.GetByRole(AriaRole.Row, new() { Name = "Spanish" })).ToContainTextAsync("No version yet · required for publication");
        await languages.GetByRole(AriaRole.Link, new() { Name = "Spanish", Exact = true }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Spanish version: Submission in two languages");
        await lead.GetByLabel("Text in Spanish (markdown)").FillAsync(Spanish);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the version" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Region).Filter(new() { HasText = "The version is saved" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        await Assertions.Expect(lead.Locator("dl.summary-list")).ToContainTextAsync("Waiting for review");
        await Assertions.Expect(lead.Locator("article[lang=es]")).ToContainTextAsync("Los miembros del grupo instan");
        // The lead is no reviewer of Spanish: no check for them.
        await Assertions.Expect(lead.GetByRole(AriaRole.Button, new() { Name = "Confirm against revision 1" })).ToHaveCountAsync(0);

        // The reviewer of Spanish, who reads the workspace in Spanish, confirms it against the original, with the keyboard.
        var reviewer = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(reviewer, WorkspaceHost.FocalPoint("UNHCR"));
        await reviewer.GotoAsync($"/papers/{paper.Id}/versions/es?culture=es");
        await Assertions.Expect(reviewer.Locator("h1")).ToHaveTextAsync("Versión en español: Submission in two languages");
        await Assertions.Expect(reviewer.Locator("dl.summary-list")).ToContainTextAsync(revision.ContentHash);
        var confirm = reviewer.GetByRole(AriaRole.Button, new() { Name = "Confirmar con la revisión 1" });
        await confirm.FocusAsync();
        await reviewer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Region).Filter(new() { HasText = "La versión está confirmada con el original." }))
            .ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        await Assertions.Expect(reviewer.Locator("dl.summary-list")).ToContainTextAsync("Confirmada");

        await ilo.OpenRoundAsync(paper.Id, 1, "Unanimous", host.Server.Clock.GetUtcNow().AddDays(7));
        await PaperScenario.ApproveAsync(host.Server, paper.Id, revision, "ILO", "IOM", "UNHCR");
        await secretariat.PublishAsync(paper.Id, "A submission.", []);

        // A reader whose browser asks for Spanish gets the Spanish text, with the original named as the authentic one.
        var reader = await host.NewPageAsync(locale: "es-ES");
        var response = await reader.GotoAsync($"/publications/{paper.Id}?culture=es");
        Assert.Equal("es", response!.Headers["content-language"]);
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Declaración conjunta");
        await Assertions.Expect(reader.Locator("article[lang=es]")).ToContainTextAsync("Los miembros del grupo instan a los Estados a actuar.");
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("Esta es la versión en español. El texto auténtico es el original en inglés.");
        Assert.Equal(2, await reader.Locator("link[rel=alternate][hreflang]").CountAsync());
        await reader.GetByRole(AriaRole.Navigation, new() { Name = "Idiomas de esta publicación" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Submission in two languages");
        await Assertions.Expect(reader.Locator("article[lang=en]")).ToContainTextAsync("call on States to act");
    }

    [BrowserFact]
    public async Task An_out_of_date_version_shows_what_changed_in_the_original_and_in_an_arabic_page_the_english_lines_read_left_to_right()
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement that moved on", "JointStatement", "ILO", ["IOM"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Joint statement\n\nThe members of the group call on States to act.\n");
        await ilo.AddVersionRevisionAsync(paper.Id, "es", 1, 0, Spanish);
        await ilo.AddRevisionAsync(paper.Id, 1, "# Joint statement\n\nThe members of the group call on all States to act now.\n");

        var page = await host.NewPageAsync(screen: BrowserHost.Phone);
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("ILO"));
        await page.GotoAsync($"/papers/{paper.Id}/versions/es?culture=ar");
        var changed = page.GetByRole(AriaRole.Region, new() { Name = "تغيّر الأصل منذ كتابة هذه النسخة" });
        await Assertions.Expect(changed).ToContainTextAsync("تترجم النسخة المراجعة 1؛ والأصل في المراجعة 2.");
        var added = changed.Locator("ins bdi");
        await Assertions.Expect(added).ToHaveTextAsync("The members of the group call on all States to act now.");
        // Inside the right-to-left page the English line keeps its own direction: its full stop at its end, on the right.
        Assert.Equal("ltr", await added.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        // The form starts from the version's text, to be brought up to date, and saving it makes the version current again.
        await page.GetByRole(AriaRole.Button, new() { Name = "احفظ النسخة" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.summary-list")).ToContainTextAsync("بانتظار المراجعة", new() { Timeout = BrowserHost.Patience });
        await Assertions.Expect(changed).ToHaveCountAsync(0);
    }
}
