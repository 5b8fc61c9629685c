using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>
/// Negotiating a paragraph in the browser: an agency selects words and suggests a change, sends it, the lead accepts it and
/// folds it into the next revision, and the author reads what became of it; by keyboard too. And the comments matrix as an
/// agency reads it: what became of each item sent, and why; never another agency's draft.
/// </summary>
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
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Commentaires et propositions\u00a0: Statement negotiated in the workspace");
        var rejected = phone.Locator($"tr[data-annotation='{employers.Id}']");
        await Assertions.Expect(rejected).ToContainTextAsync("Rejeté");
        var reason = await rejected.GetByText("Recruiters are in paragraph 4.").BoundingBoxAsync();
        Assert.True(reason is not null && reason.X >= 0 && reason.X + reason.Width <= 390, $"The reason lies outside the screen's width: {reason?.X}, {reason?.Width}.");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The matrix scrolls sideways on a phone.");
    }

    private async Task<(Guid Paper, Workspace.Client.WorkspaceClient Lead)> PaperAsync(string title)
    {
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync(title, "JointStatement", "ILO", ["IOM", "UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Statement\n\nThe members call on States to protect victims of trafficking.\n\nEmployers should bear the cost of recruitment.\n");
        await ilo.GetBlocksAsync(paper.Id, 1);
        return (paper.Id, ilo);
    }

    [BrowserFact]
    public async Task An_agency_selects_words_and_suggests_a_change_sends_it_the_lead_accepts_and_folds_it_and_the_author_reads_it_accepted()
    {
        var (paper, lead) = await PaperAsync("Statement negotiated with the mouse");

        // IOM selects "victims" in paragraph 2 and proposes other words.
        var iom = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(iom, WorkspaceHost.FocalPoint("IOM"));
        await iom.GotoAsync($"/papers/{paper}");
        var paragraph = iom.Locator(".numbered [data-number='2']");
        await Assertions.Expect(paragraph).ToContainTextAsync("¶ 2");
        var word = await paragraph.EvaluateAsync<float[]>(@"p => {
            const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('victims'));
            const range = document.createRange(); const at = node.textContent.indexOf('victims');
            range.setStart(node, at); range.setEnd(node, at + 'victims'.length);
            const r = range.getBoundingClientRect(); return [r.left, r.right, r.top + r.height / 2]; }");
        await iom.Mouse.MoveAsync(word[0] + 1, word[2]);
        await iom.Mouse.DownAsync();
        await iom.Mouse.MoveAsync(word[1] - 1, word[2], new() { Steps = 5 });
        await iom.Mouse.UpAsync();
        await iom.Locator("button.selection-action").ClickAsync();
        await Assertions.Expect(iom.GetByLabel("Passage", new() { Exact = true })).ToHaveValueAsync("victims");
        await Assertions.Expect(iom.GetByLabel("Paragraph", new() { Exact = true })).ToHaveValueAsync(await paragraph.GetAttributeAsync("data-block") ?? "");
        await iom.GetByLabel("Replace the passage").CheckAsync();
        await iom.GetByLabel("Your comment, or the words you propose").FillAsync("victims and survivors");
        await iom.GetByLabel("Justification (optional)").FillAsync("The survivors' networks ask for it.");
        await iom.GetByRole(AriaRole.Button, new() { Name = "Save as a draft of IOM" }).ClickAsync();
        await Assertions.Expect(iom.Locator("#done-text")).ToHaveTextAsync("Your draft is saved. Only your agency sees it until it is sent.");
        await Assertions.Expect(iom.Locator(".negotiation")).ToContainTextAsync("1 draft of IOM, not sent");
        await Assertions.Expect(iom.Locator(".negotiation")).ToContainTextAsync("Only IOM sees it until a focal point sends the agency's contribution.");

        // The lead does not see the draft until IOM sends it.
        var ilo = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(ilo, WorkspaceHost.FocalPoint("ILO"));
        await ilo.GotoAsync($"/papers/{paper}/decide");
        await Assertions.Expect(ilo.Locator("main")).ToContainTextAsync("No agency has sent comments or suggestions on this revision.");
        await Assertions.Expect(ilo.Locator("main")).Not.ToContainTextAsync("victims and survivors");

        await iom.GetByRole(AriaRole.Button, new() { Name = "Send IOM's 1 comment or suggestion" }).ClickAsync();
        await Assertions.Expect(iom.Locator("#done-text")).ToHaveTextAsync("Your agency's comments and suggestions are sent; the lead agency is told.");
        await Assertions.Expect(iom.Locator(".negotiation")).ToContainTextAsync("1 sent by the agencies");
        await Assertions.Expect(iom.Locator(".negotiation")).ToContainTextAsync("Awaiting the lead");

        // The lead accepts it, and folds it into revision 2.
        await ilo.GotoAsync($"/papers/{paper}");
        await ilo.GetByRole(AriaRole.Link, new() { Name = "Decide on the agencies' comments and suggestions" }).ClickAsync();
        await Assertions.Expect(ilo.Locator(".task")).ToContainTextAsync("1 item on revision 1 awaits a decision.");
        var item = ilo.Locator("article.annotation").Filter(new() { HasText = "victims and survivors" });
        await Assertions.Expect(item).ToContainTextAsync("The survivors' networks ask for it.");
        await item.GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Record the decision on ¶ 2" }).ClickAsync();
        await Assertions.Expect(ilo.Locator("#done-text")).ToHaveTextAsync("Your decision is recorded; the agency is told.");
        await Assertions.Expect(ilo.Locator("article.annotation").Filter(new() { HasText = "victims and survivors" })).ToContainTextAsync("Accepted");
        await Assertions.Expect(ilo.GetByRole(AriaRole.Checkbox, new() { Name = "victims and survivors" })).ToBeCheckedAsync();
        await ilo.GetByRole(AriaRole.Button, new() { Name = "Build revision 2" }).ClickAsync();
        await Assertions.Expect(ilo.Locator("#done-text")).ToHaveTextAsync("The new revision is saved with the chosen suggestions.");
        await Assertions.Expect(ilo.Locator(".numbered [data-number='2']")).ToContainTextAsync("protect victims and survivors of trafficking.");

        // IOM reads that its suggestion was taken in the matrix, and before it signs off revision 2.
        await iom.GotoAsync($"/papers/{paper}/matrix");
        await Assertions.Expect(iom.Locator("table.matrix-table tbody tr")).ToContainTextAsync("Accepted · in revision 2");
        await lead.OpenRoundAsync(paper, 2, "Unanimous", host.Server.Clock.GetUtcNow().AddDays(5));
        await iom.GotoAsync($"/papers/{paper}");
        var outcome = iom.Locator(".sign-off-panel .input-outcome");
        await Assertions.Expect(outcome.Locator("h3")).ToHaveTextAsync("What became of IOM's input");
        await Assertions.Expect(outcome).ToContainTextAsync("1 item sent by IOM before this round:");
        await Assertions.Expect(outcome).ToContainTextAsync("1 accepted");
        Assert.True(host.ServerComplaints() == "", host.ServerComplaints());
    }

    [BrowserFact]
    public async Task Without_a_mouse_an_agency_suggests_through_the_paragraphs_own_control_and_the_lead_must_say_why_it_rejects()
    {
        var (paper, _) = await PaperAsync("Statement negotiated from the keyboard");
        var unhcr = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(unhcr, WorkspaceHost.FocalPoint("UNHCR"));
        await unhcr.GotoAsync($"/papers/{paper}");
        var control = unhcr.Locator(".numbered [data-number='3'] .block-action");
        await Assertions.Expect(control).ToHaveAccessibleNameAsync("Comment or suggest on ¶ 3");
        await control.FocusAsync();
        await unhcr.Keyboard.PressAsync("Enter");
        await Assertions.Expect(unhcr.GetByLabel("Passage", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(unhcr.GetByLabel("Paragraph", new() { Exact = true }).Locator("option:checked")).ToContainTextAsync("¶ 3");
        await unhcr.Keyboard.TypeAsync("Employers");
        await unhcr.Keyboard.PressAsync("Tab");
        await Assertions.Expect(unhcr.GetByLabel("Comment on the passage")).ToBeFocusedAsync();
        await unhcr.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(unhcr.GetByLabel("Replace the passage")).ToBeCheckedAsync();
        await unhcr.Keyboard.PressAsync("Tab");
        await unhcr.Keyboard.TypeAsync("Employers and recruiters");
        await unhcr.Keyboard.PressAsync("Tab");
        await unhcr.Keyboard.TypeAsync("Recruiters charge the fees.");
        await unhcr.Keyboard.PressAsync("Tab");
        await Assertions.Expect(unhcr.GetByRole(AriaRole.Button, new() { Name = "Save as a draft of UNHCR" })).ToBeFocusedAsync();
        await unhcr.Keyboard.PressAsync("Enter");
        await Assertions.Expect(unhcr.Locator("#done-text")).ToHaveTextAsync("Your draft is saved. Only your agency sees it until it is sent.");
        var send = unhcr.GetByRole(AriaRole.Button, new() { Name = "Send UNHCR's 1 comment or suggestion" });
        await send.FocusAsync();
        await unhcr.Keyboard.PressAsync("Enter");
        await Assertions.Expect(unhcr.Locator("#done-text")).ToHaveTextAsync("Your agency's comments and suggestions are sent; the lead agency is told.");

        // The lead rejects it without a reason: refused, and said so at the top; with one, recorded.
        var ilo = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(ilo, WorkspaceHost.FocalPoint("ILO"));
        await ilo.GotoAsync($"/papers/{paper}/decide");
        var item = ilo.Locator("article.annotation").Filter(new() { HasText = "Employers and recruiters" });
        await item.GetByLabel("Rejected", new() { Exact = true }).CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Record the decision on ¶ 3" }).ClickAsync();
        await Assertions.Expect(ilo.Locator("#error-summary")).ToContainTextAsync("a reason is needed for anything but accepting");
        await Assertions.Expect(ilo).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        item = ilo.Locator("article.annotation").Filter(new() { HasText = "Employers and recruiters" });
        await item.GetByLabel("Reason", new() { Exact = true }).FillAsync("Recruiters are covered in paragraph 4.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Record the decision on ¶ 3" }).ClickAsync();
        await Assertions.Expect(ilo.Locator("#done-text")).ToHaveTextAsync("Your decision is recorded; the agency is told.");

        await unhcr.GotoAsync($"/papers/{paper}");
        var mine = unhcr.Locator("article.annotation").Filter(new() { HasText = "Employers and recruiters" });
        await Assertions.Expect(mine).ToContainTextAsync("Rejected");
        await Assertions.Expect(mine).ToContainTextAsync("Recruiters are covered in paragraph 4.");
    }

    [BrowserFact]
    public async Task The_pages_for_commenting_and_deciding_pass_axe_in_english_and_french()
    {
        var (paper, ilo) = await PaperAsync("Statement scanned for negotiation");
        var blocks = await ilo.GetBlocksAsync(paper, 1);
        var iom = await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.AddAnnotationAsync(paper, 1, blocks[1].Id, "victims", "Replace", "victims and survivors", "Asked for.");
        await iom.SendContributionAsync(paper, 1);
        await iom.AddAnnotationAsync(paper, 1, blocks[2].Id, "Employers", "Comment", "A draft of IOM's.");

        var failures = new List<string>();
        foreach (var (who, path) in new[] { ("IOM", $"/papers/{paper}"), ("IOM", $"/papers/{paper}?block={blocks[2].Id}"), ("ILO", $"/papers/{paper}/decide") })
        {
            var page = await host.NewPageAsync();
            await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint(who));
            foreach (var culture in new[] { "en", "fr" })
            {
                await page.GotoAsync(path + (path.Contains('?') ? "&" : "?") + $"culture={culture}");
                var result = await page.RunAxe();
                failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{who} {path} {culture}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}"));
            }
        }

        var french = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(french, WorkspaceHost.FocalPoint("ILO"));
        await french.GotoAsync($"/papers/{paper}/decide?culture=fr");
        await Assertions.Expect(french.Locator("h1")).ToContainTextAsync("Statuer sur les contributions des organisations");
        await Assertions.Expect(french.Locator(".task")).ToContainTextAsync("1 élément de la révision 1 attend une décision.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task An_agency_uploads_its_word_redline_reads_what_became_drafts_and_what_could_not_be_placed_and_the_matrix_downloads_as_word()
    {
        var (paper, lead) = await PaperAsync("Statement marked up in Word");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("UNHCR"));
        await page.GotoAsync($"/papers/{paper}");

        // The circulated file, downloaded from the page, marked in Word, brought back.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download revision 1 to mark up in Word" }).ClickAsync());
        var circulated = await File.ReadAllBytesAsync(await download.PathAsync());
        var redline = Path.Combine(Path.GetTempPath(), $"redline-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(redline, WordDocuments.Redline(circulated));
        await page.GetByLabel("Your redline (.docx)").SetInputFilesAsync(redline);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the redline" }).ClickAsync();
        await Assertions.Expect(page.Locator("#redline-done")).ToHaveTextAsync("4 comments and suggestions from your document are saved as drafts of UNHCR.");
        await Assertions.Expect(page.Locator(".not-anchored")).ToContainTextAsync("States shall report every year.");
        await Assertions.Expect(page.Locator(".negotiation")).ToContainTextAsync("4 drafts of UNHCR, not sent");
        await Assertions.Expect(page.Locator(".negotiation article.annotation").Filter(new() { HasText = "Name the employers' duties." })).ToContainTextAsync("¶ 3");

        // Sent and decided, the matrix goes to the co-chairs as a Word table.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send UNHCR's 4 comments and suggestions" }).ClickAsync();
        var survivors = (await lead.ListAnnotationsAsync(paper)).Single(a => a.Text == "victims and survivors");
        await lead.DisposeAnnotationAsync(survivors.Id, "Accepted");
        await page.GotoAsync($"/papers/{paper}/matrix");
        var table = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as a Word table" }).ClickAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await File.ReadAllBytesAsync(await table.PathAsync())), isEditable: false);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r.InnerText.Contains("victims and survivors", StringComparison.Ordinal) && r.InnerText.Contains("Accepted", StringComparison.Ordinal));
        File.Delete(redline);
    }

    [BrowserFact]
    public async Task Where_clearance_applies_the_agencys_legal_office_clears_its_comments_on_the_page_before_they_are_sent()
    {
        var secretariat = await host.Server.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.ChangeSignOffRuleAsync("Submission", "Participants", "Unanimous", TimeSpan.Zero, clearanceRequired: true);
        await secretariat.RegisterFocalPointAsync("OHCHR", "legal@ohchr.demo", "Lina Legal", WorkspaceHost.Password);
        var ohchr = await host.Server.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        await ohchr.ChangeClearanceChainAsync("OHCHR", [new("Legal", ["legal@ohchr.demo"])]);
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Submission cleared in the browser", "Submission", "ILO", ["OHCHR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Submission\n\nThe group submits the following.\n");
        var blocks = await ilo.GetBlocksAsync(paper.Id, 1);
        await ohchr.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "submits", "Replace", "respectfully submits");

        var focal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(focal, WorkspaceHost.FocalPoint("OHCHR"));
        await focal.GotoAsync($"/papers/{paper.Id}");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Send OHCHR's 1 comment or suggestion" }).ClickAsync();
        await Assertions.Expect(focal.Locator("#done-text")).ToHaveTextAsync("Your agency's comments and suggestions go through its clearance first; they are sent when the last step clears them.");
        await Assertions.Expect(focal.Locator(".contribution-clearance")).ToContainTextAsync("They are with Legal (step 1 of 1); they are sent when the last step clears them.");
        Assert.Empty(await ilo.ListAnnotationsAsync(paper.Id));

        var legal = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(legal, "legal@ohchr.demo");
        await legal.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(legal.Locator(".negotiation article.annotation")).ToContainTextAsync("respectfully submits");
        await legal.GetByRole(AriaRole.Button, new() { Name = "Clear as Legal" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#done-text")).ToHaveTextAsync("Your step of the clearance is recorded.");
        await Assertions.Expect(legal.Locator(".negotiation")).ToContainTextAsync("1 sent by the agencies");
        Assert.Equal("Open", Assert.Single(await ilo.ListAnnotationsAsync(paper.Id)).Status);
    }

    [BrowserFact]
    public async Task What_agencies_send_and_what_the_lead_decides_and_folds_appears_on_an_open_page_without_reload_and_drafts_never_do()
    {
        var (paper, ilo) = await PaperAsync("Statement followed live");
        var blocks = await ilo.GetBlocksAsync(paper, 1);
        var iom = await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var survivors = await iom.AddAnnotationAsync(paper, 1, blocks[1].Id, "victims", "Replace", "victims and survivors");
        await iom.SendContributionAsync(paper, 1);

        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("IOM"));
        await page.GotoAsync($"/papers/{paper}");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator(".live-negotiation[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = 10_000 }), host.ServerComplaints);

        var unhcr = await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        await unhcr.AddAnnotationAsync(paper, 1, blocks[2].Id, "Employers", "Comment", "UNHCR's draft, never shown.");
        await unhcr.AddAnnotationAsync(paper, 1, blocks[2].Id, "cost", "Comment", "Which costs?");
        await unhcr.SendContributionAsync(paper, 1);
        var live = page.Locator(".live-negotiation");
        await Assertions.Expect(live).ToContainTextAsync("Which costs?");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "UNHCR sent" })).ToContainTextAsync("UNHCR sent 2 comments and suggestions.");

        await ilo.DisposeAnnotationAsync(survivors.Id, "Accepted");
        await Assertions.Expect(live.Locator($"#a-{survivors.Id}")).ToContainTextAsync("Accepted");
        await ilo.AddRevisionFromSuggestionsAsync(paper, 1, [survivors.Id]);
        await Assertions.Expect(live).ToContainTextAsync("Revision 2 was saved.");
        await Assertions.Expect(live.GetByRole(AriaRole.Link, new() { Name = "Read revision 2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UNHCR's draft, never shown.");
    }
}
