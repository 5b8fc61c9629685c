using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>Internal clearance, alternates and editorial corrections, as focal points do them in the browser.</summary>
public sealed class SignOffPracticePageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = BrowserHost.Patience };

    private async Task RegisterAsync(string agency, string email, string name)
    {
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        if (!(await secretariat.GetAgencyAsync(agency)).FocalPoints.Any(f => f.Email == email))
        {
            await secretariat.RegisterFocalPointAsync(agency, email, name, WorkspaceHost.Password);
        }
    }


    [BrowserFact]
    public async Task Legal_sends_the_text_back_in_the_agencys_clearance_while_other_agencies_see_only_that_it_is_in_clearance()
    {
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.ChangeSignOffRuleAsync("Submission", "Participants", "Unanimous", TimeSpan.Zero, clearanceRequired: true);
        await RegisterAsync("UNHCR", "legal@unhcr.demo", "Lea Legal");
        var focal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("UNHCR"));
        await focal.GotoAsync("/settings/clearance");
        await focal.GetByLabel("Name of step 1").FillAsync("Focal point");
        await focal.GetByLabel("People holding step 1").FillAsync(WorkspaceHost.FocalPoint("UNHCR"));
        await focal.GetByLabel("Name of step 2").FillAsync("Legal");
        await focal.GetByLabel("People holding step 2").FillAsync("legal@iom.demo");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Save the chain" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("#error-summary")).ToContainTextAsync("legal@iom.demo", Patient));
        await focal.GetByLabel("People holding step 2").FillAsync("legal@unhcr.demo");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Save the chain" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("#done-text")).ToContainTextAsync("The clearance chain is saved", Patient));
        var chain = await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).GetClearanceChainAsync("UNHCR");
        Assert.Equal(["Focal point", "Legal"], chain.Steps.Select(s => s.Name));
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Submission cleared in the browser", "Submission", "ILO", ["UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Submission\n\nThe group submits.\n");
        await ilo.OpenRoundAsync(paper.Id, 1, "Unanimous", host.Server.Clock.GetUtcNow().AddDays(5));

        await focal.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(focal.GetByRole(AriaRole.Heading, new() { Name = "UNHCR's internal clearance of revision 1" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        // Its Approve comes from the clearance: the sign-off panel offers only an objection.
        await Assertions.Expect(focal.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
        BrowserHost.AssertAccessible(await focal.RunAxe(), "paper page with clearance");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Clear as Focal point" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("#done-text")).ToContainTextAsync("Your step of the clearance is recorded.", Patient));

        var other = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(other, WorkspaceHost.FocalPoint("ILO"));
        await other.GotoAsync($"/papers/{paper.Id}");
        await BrowserHost.ExpectAsync(other, () => Assertions.Expect(other.Locator("tr[data-agency-row='UNHCR']")).ToContainTextAsync("In clearance", Patient));
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "UNHCR's internal clearance of revision 1" })).ToHaveCountAsync(0);

        var legal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(legal, "legal@unhcr.demo");
        await legal.GotoAsync($"/papers/{paper.Id}");
        await legal.GetByRole(AriaRole.Button, new() { Name = "Send back" }).ClickAsync();
        await BrowserHost.ExpectAsync(legal, () => Assertions.Expect(legal.Locator("#error-summary, .error-summary").First).ToContainTextAsync("Sending a text back says why.", Patient));
        await legal.GetByLabel("Clearance comment").FillAsync("Use the Office's wording on non-refoulement.");
        await legal.GetByRole(AriaRole.Button, new() { Name = "Send back" }).ClickAsync();
        await BrowserHost.ExpectAsync(legal, () => Assertions.Expect(legal.Locator("#done-text")).ToContainTextAsync("sent back", Patient));

        await focal.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(focal.Locator("section.clearance")).ToContainTextAsync("Use the Office's wording on non-refoulement.", Patient);
        await Assertions.Expect(focal.GetByRole(AriaRole.Button, new() { Name = "Clear as Focal point" })).ToBeVisibleAsync();
        await other.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(other.Locator("main")).Not.ToContainTextAsync("non-refoulement");
    }

    [BrowserFact]
    public async Task A_focal_point_names_an_alternate_who_then_approves_for_them_and_the_matrix_names_both()
    {
        await RegisterAsync("IOM", "deputy@iom.demo", "Dana Deputy");
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement approved by an alternate", "Unanimous", TimeSpan.FromDays(5));

        var focal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("IOM"));
        await focal.GotoAsync("/settings/alternate");
        await focal.GetByLabel("Alternate", new() { Exact = true }).SelectOptionAsync("deputy@iom.demo");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Name my alternate" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("#done-text")).ToContainTextAsync("Your alternate is named", Patient));
        await Assertions.Expect(focal.Locator("main")).ToContainTextAsync("Acting for you now");
        BrowserHost.AssertAccessible(await focal.RunAxe(), "/settings/alternate");

        var deputy = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(deputy, "deputy@iom.demo");
        await deputy.GotoAsync($"/papers/{paper.Id}");
        await deputy.GetByLabel("Act for").SelectOptionAsync(WorkspaceHost.FocalPoint("IOM"));
        await deputy.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await BrowserHost.ExpectAsync(deputy, () => Assertions.Expect(deputy.Locator("tr[data-agency-row='IOM']"))
            .ToContainTextAsync("deputy@iom.demo on behalf of focal@iom.demo", Patient));

        await focal.GotoAsync("/settings/alternate");
        await focal.GetByRole(AriaRole.Button, new() { Name = "End the period now" }).ClickAsync();
        await BrowserHost.ExpectAsync(focal, () => Assertions.Expect(focal.Locator("#done-text")).ToContainTextAsync("no longer act for you", Patient));
        await deputy.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(deputy.GetByLabel("Act for")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_lead_proposes_an_editorial_correction_and_one_objection_sends_the_paper_back_to_drafting()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host.Server, "Statement corrected in the browser", "Unanimous", TimeSpan.FromDays(5));
        await PaperScenario.ApproveAsync(host.Server, paper.Id, revision, "ILO", "IOM", "UNHCR");

        var lead = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync($"/papers/{paper.Id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Propose an editorial correction" }).ClickAsync();
        var text = lead.GetByLabel("Text (markdown)");
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(text).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        BrowserHost.AssertAccessible(await lead.RunAxe(), "correction page");
        await text.FillAsync((await text.InputValueAsync()).Replace("States", "all States", StringComparison.Ordinal));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Propose the correction" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator("#correction-title")).ToContainTextAsync("Editorial correction proposed: revision 2", Patient));

        var iom = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(iom, WorkspaceHost.FocalPoint("IOM"));
        await iom.GotoAsync($"/papers/{paper.Id}");
        await iom.GetByRole(AriaRole.Link, new() { Name = "See the changes" }).ClickAsync();
        await BrowserHost.ExpectAsync(iom, () => Assertions.Expect(iom.Locator("ins").First).ToContainTextAsync("all", Patient));
        BrowserHost.AssertAccessible(await iom.RunAxe(), "paper page with a correction");
        await iom.GetByLabel("Reason for objecting").FillAsync("This is no typo: it widens the call.");
        await iom.GetByRole(AriaRole.Button, new() { Name = "Object to the correction" }).ClickAsync();
        await BrowserHost.ExpectAsync(iom, () => Assertions.Expect(iom.Locator("#done-text")).ToContainTextAsync("objection to the correction is recorded", Patient));

        var after = await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetPaperAsync(paper.Id);
        Assert.Equal(("Drafting", 2), (after.State, after.LatestRevision!.Number));
    }

    [BrowserFact]
    public async Task The_secretariat_sets_the_rule_of_a_kind_of_paper()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);
        await page.GotoAsync("/admin/sign-off-rules");
        await page.GetByRole(AriaRole.Link, new() { Name = "Other" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change the rule for Other" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        await page.GetByLabel("Named agencies", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rule" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator(".error-summary, #error-summary").First).ToContainTextAsync("Name the agencies that must sign.", Patient), host.ServerComplaints);
        await page.GetByLabel("OHCHR", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Minimum notice (hours)").FillAsync("72");
        await page.GetByLabel("Each agency clears the text inside (by its own chain) before its word counts").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rule" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("#done-text")).ToContainTextAsync("The rule is saved", Patient));

        var rule = (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).ListSignOffRulesAsync()).Single(r => r.PaperKind == "Other");
        Assert.Equal(("Named", "OHCHR", TimeSpan.FromHours(72), true), (rule.Signers, string.Join(",", rule.AgencyCodes), rule.MinimumNotice, rule.ClearanceRequired));
    }

    [BrowserFact]
    public async Task A_focal_point_imports_a_Word_draft_and_downloads_the_revision_as_Word()
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement brought from Word", "JointStatement", "ILO", ["IOM"]);
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("ILO"));
        await page.GotoAsync($"/papers/{paper.Id}/edit");

        await page.GetByLabel("Word document (.docx)").SetInputFilesAsync(new FilePayload
        {
            Name = "statement.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WordDocuments.WithWordOnlyParts(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import as a new revision" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("#imported-text")).ToContainTextAsync("Revision 1 is saved from the Word document.", Patient), host.ServerComplaints);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("comments");
        Assert.Contains("| Agency | Role |", await page.GetByLabel("Text (markdown)").InputValueAsync(), StringComparison.Ordinal);
        BrowserHost.AssertAccessible(await page.RunAxe(), "edit page after an import");

        await page.GotoAsync($"/papers/{paper.Id}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download revision 1 as Word (.docx)" }).ClickAsync());
        Assert.Equal("Statement brought from Word - revision 1.docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(path)).Take(2).ToArray());
    }
}
