using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>The comments matrix as an agency reads it: what became of each item sent, and why; never another agency's draft.</summary>
public sealed class NegotiationPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task An_agency_reads_what_became_of_its_input_in_english_and_in_french_and_on_a_phone()
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement negotiated in the workspace", "JointStatement", "ILO", ["IOM", "UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Statement\n\nThe members call on States to protect victims of trafficking.\n\nEmployers should bear the cost of recruitment.\n");
        var blocks = await ilo.GetBlocksAsync(paper.Id, 1);
        var iom = await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var survivors = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "victims", "Replace", "victims and survivors", "The survivors' networks ask for it.");
        var employers = await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "Employers", "Replace", "Employers and recruiters");
        await iom.SendContributionAsync(paper.Id, 1);
        await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "States", "Comment", "UNHCR's private draft.");
        await ilo.DisposeAnnotationAsync(employers.Id, "Rejected", "Recruiters are in paragraph 4.");
        await ilo.AddRevisionFromSuggestionsAsync(paper.Id, 1, [survivors.Id]);

        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("IOM"));
        await page.GotoAsync($"/papers/{paper.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Comments and suggestions of the agencies" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Comments and suggestions: Statement negotiated in the workspace");
        var taken = page.Locator($"tr[data-annotation='{survivors.Id}']");
        await Assertions.Expect(taken).ToContainTextAsync("¶ 2 of revision 1");
        await Assertions.Expect(taken).ToContainTextAsync("victims and survivors");
        await Assertions.Expect(taken).ToContainTextAsync("Accepted · in revision 2");
        var refused = page.Locator($"tr[data-annotation='{employers.Id}']");
        await Assertions.Expect(refused).ToContainTextAsync("Rejected");
        await Assertions.Expect(refused).ToContainTextAsync("Recruiters are in paragraph 4.");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UNHCR's private draft.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 items sent by the agencies");

        // In French, on a phone: every outcome and reason readable without scrolling sideways.
        var phone = await host.NewPageAsync(screen: BrowserHost.Phone);
        await BrowserHost.SignInHomeAsync(phone, WorkspaceHost.FocalPoint("IOM"));
        await phone.GotoAsync($"/papers/{paper.Id}/matrix?culture=fr");
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("Commentaires et propositions");
        var rejected = phone.Locator($"tr[data-annotation='{employers.Id}']");
        await Assertions.Expect(rejected).ToContainTextAsync("Rejeté");
        var reason = await rejected.GetByText("Recruiters are in paragraph 4.").BoundingBoxAsync();
        Assert.True(reason is not null && reason.X >= 0 && reason.X + reason.Width <= 390, $"The reason lies outside the screen's width: {reason?.X}, {reason?.Width}.");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The matrix scrolls sideways on a phone.");
    }
}
