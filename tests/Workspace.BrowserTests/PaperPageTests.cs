using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

public sealed class PaperPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = BrowserHost.Patience };

    [BrowserFact]
    public async Task A_focal_point_approves_on_the_paper_page_while_the_secretariat_board_changes_live()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement approved in the browser", "Unanimous", TimeSpan.FromDays(3));
        var board = await host.NewPageAsync();
        await BrowserHost.SignInAsync(board, WorkspaceHost.Secretariat);
        await Assertions.Expect(board.Locator("h1")).ToHaveTextAsync("What waits for you", Patient);
        await board.GotoAsync("/board");
        var cell = board.Locator($"[data-paper='{paper.Id}'][data-agency='IOM']");
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(cell).ToContainTextAsync("Awaiting", new() { Timeout = BrowserHost.Patience }));
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(board.Locator("[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = 10_000 }), host.ServerComplaints);

        var iom = await host.NewPageAsync();
        await BrowserHost.SignInAsync(iom, WorkspaceHost.FocalPoint("IOM"));
        await Assertions.Expect(iom.Locator("h1")).ToHaveTextAsync("What waits for you", Patient);
        await iom.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(iom.GetByRole(AriaRole.Heading, new() { Name = "Your agency's sign-off on revision 1" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        await iom.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await BrowserHost.ExpectAsync(iom, () => Assertions.Expect(iom.Locator("tr[data-agency-row='IOM']")).ToContainTextAsync("Approved", new() { Timeout = BrowserHost.Patience }));
        // The board was not reloaded: the cell changed in place, within two seconds of the page showing the decision.
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(cell).ToContainTextAsync("Approved", new() { Timeout = 2_000 }));
        var recorded = await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).GetPaperAsync(paper.Id);
        Assert.Equal("Approved", recorded.Round!.Agencies.Single(a => a.AgencyCode == "IOM").Status);
        // The pages' policy allows no inline script, and nothing on these live pages needed one.
        Assert.DoesNotContain(BrowserHost.ConsoleOf(board).Concat(BrowserHost.ConsoleOf(iom)), line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [BrowserFact]
    public async Task The_board_sorts_and_filters_by_address_and_says_which_column_is_sorted()
    {
        await PaperScenario.DraftAsync(host.Server, "Annex sorted on the board");
        var board = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(board, WorkspaceHost.Secretariat);

        await board.GotoAsync("/board?sort=title");
        var titles = await board.Locator("table.board tbody th a").AllInnerTextsAsync();
        Assert.Equal(titles.Order(StringComparer.CurrentCulture), titles);
        Assert.Equal("ascending", await board.Locator("table.board thead th").First.GetAttributeAsync("aria-sort"));

        await board.GotoAsync("/board?state=Drafting&kind=JointStatement");
        var drafting = await board.Locator("table.board tbody th").AllInnerTextsAsync();
        Assert.Contains(drafting, t => t.Contains("Annex sorted on the board", StringComparison.Ordinal));
        Assert.All(drafting, t => Assert.Contains("Drafting", t, StringComparison.Ordinal));
        Assert.Null(await board.Locator("table.board thead th").First.GetAttributeAsync("aria-sort"));
    }

    [BrowserFact]
    public async Task At_1440_pixels_the_board_shows_its_last_agency_whole_and_the_page_never_scrolls_sideways()
    {
        // A paper with many participants makes the board wider than the screen: the table scrolls inside its region.
        var ilo = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.CreatePaperAsync("Statement with a dozen agencies", "JointStatement", "ILO",
            ["IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC", "WHO", "UNDP", "UNWOMEN", "OSCE", "COE", "ICMPD"]);
        var board = await host.NewPageAsync(screen: (1440, 900));
        await BrowserHost.SignInHomeAsync(board, WorkspaceHost.Secretariat);
        await board.GotoAsync("/board");
        await Assertions.Expect(board.Locator("table.board")).ToContainTextAsync("Statement with a dozen agencies");
        var fit = await board.EvaluateAsync<double[]>(@"() => {
            const region = document.querySelector('.board-scroll');
            region.scrollLeft = region.scrollWidth;
            const heads = region.querySelectorAll('thead th');
            const last = heads[heads.length - 1].getBoundingClientRect();
            return [region.getBoundingClientRect().right - region.clientLeft - last.right, window.innerWidth - document.documentElement.scrollWidth];
        }");
        Assert.True(fit[0] >= -0.5, $"The last column is cut by {-fit[0]:0.#} px.");
        Assert.True(fit[1] >= 0, $"The page scrolls sideways by {-fit[1]:0.#} px.");
    }

    [BrowserFact]
    public async Task An_objection_needs_a_reason_and_then_shows_with_it()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement objected in the browser", "Unanimous", TimeSpan.FromDays(3));
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("UNHCR"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", Patient);
        await page.GotoAsync($"/papers/{paper.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Object" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Pending", (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).GetPaperAsync(paper.Id)).Round!.Agencies.Single(a => a.AgencyCode == "UNHCR").Status);

        await page.GetByLabel("Reason").FillAsync("The second paragraph misstates our mandate.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Object" }).ClickAsync();
        var row = page.Locator("tr[data-agency-row='UNHCR']");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(row).ToContainTextAsync("Objected", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(row).ToContainTextAsync("misstates our mandate");
    }

    [BrowserFact]
    public async Task A_round_that_ended_says_what_became_of_the_agencies_that_had_not_answered_on_the_paper_and_the_board_in_english_and_french()
    {
        var (broken, text) = await PaperScenario.InSignOffAsync(host.Server, "Statement whose silence IOM broke", "Silence", TimeSpan.FromDays(3));
        await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(broken.Id, 1, text.ContentHash, "Object", "Paragraph 2 needs our figures.");
        var (cancelled, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement cancelled by a new revision", "Unanimous", TimeSpan.FromDays(3));
        await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).AddRevisionAsync(cancelled.Id, 1, "# A late change\n\nUNHCR's wording.\n");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.Secretariat);

        await page.GotoAsync($"/papers/{broken.Id}");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("tr[data-agency-row='UNHCR']")).ToContainTextAsync("Silence broken", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator("tr[data-agency-row='IOM']")).ToContainTextAsync("Objected");
        await Assertions.Expect(page.Locator(".round-ending")).ToContainTextAsync("Silence broken by IOM: the paper is back in drafting.");
        Assert.DoesNotContain("Awaiting", await page.Locator("section.matrix").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/board");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator($"[data-paper='{broken.Id}'][data-agency='UNHCR']")).ToHaveTextAsync("– Silence broken", Patient));
        await Assertions.Expect(page.Locator($"[data-paper='{cancelled.Id}'][data-agency='IOM']")).ToHaveTextAsync("– Round cancelled");
        var cancelledRow = page.Locator("table.board tbody tr", new() { Has = page.Locator($"a[href='/papers/{cancelled.Id}']") });
        await Assertions.Expect(cancelledRow).ToContainTextAsync("Round cancelled: UNHCR saved revision 2, so no decision on this revision counts.");

        await page.GotoAsync($"/papers/{cancelled.Id}?culture=fr");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("tr[data-agency-row='IOM']")).ToContainTextAsync("Tour annulé", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator(".round-ending")).ToContainTextAsync("Tour annulé\u00a0: UNHCR a enregistré la révision 2");
        Assert.DoesNotContain("En attente", await page.Locator("section.matrix").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/papers?culture=en");
    }

    [BrowserFact]
    public async Task In_a_silence_round_the_page_explains_the_procedure_and_says_how_long_is_left_before_the_text_and_the_objection_warns_that_it_breaks_silence()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement under silence", "Silence", TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("UNHCR"));
        await page.GotoAsync($"/papers/{paper.Id}");

        var deadline = page.Locator(".summary-list dd strong");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(deadline).ToContainTextAsync("3 days left", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator(".sign-off-panel")).ToContainTextAsync("Your agency need not answer.");
        await Assertions.Expect(page.Locator("section.matrix")).ToContainTextAsync("3 agencies have not answered (ILO, IOM, UNHCR): under the silence procedure, no answer by the deadline counts as approval.");
        var objection = page.GetByRole(AriaRole.Button, new() { Name = "Object and break silence" });
        await Assertions.Expect(objection).ToHaveAccessibleDescriptionAsync("Objecting breaks silence: the procedure ends at once for all 3 agencies and the paper returns to drafting.");
        // The text comes before the decision.
        var textTop = (await page.Locator("section[aria-labelledby='text-title']").BoundingBoxAsync())!.Y;
        Assert.True(textTop < (await page.Locator(".sign-off-panel").BoundingBoxAsync())!.Y, "The text should be read before the sign-off panel.");

        await page.GotoAsync($"/papers/{paper.Id}?culture=fr");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(deadline).ToContainTextAsync("encore 3 jours", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Objecter et rompre le silence" })).ToBeVisibleAsync();
        await page.GotoAsync($"/papers/{paper.Id}?culture=en");
    }

    [BrowserFact]
    public async Task What_changed_between_revisions_reads_as_the_text_with_the_changed_words_marked_inside_the_sentence_and_side_by_side_pairs_paragraphs()
    {
        var (paper, _) = await PaperScenario.DraftAsync(host.Server, "Statement compared word by word");
        await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"))).AddRevisionAsync(paper.Id, 1,
            "# Statement compared word by word\n\nThe members of the group call on all States to act **now**.\n\nA paragraph IOM added.\n");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("ILO"));

        await page.GotoAsync($"/papers/{paper.Id}?revision=2&compare=1");
        var changed = page.Locator(".diff.rendered p.changed");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(changed).ToHaveCountAsync(1, new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(changed).ToContainTextAsync("The members of the group call on");
        await Assertions.Expect(changed.Locator("ins")).ToHaveTextAsync(["Added text: all ", "Added text:  now"]);
        await Assertions.Expect(changed.Locator("del")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".diff.rendered p.added ins")).ToHaveTextAsync("Added text: A paragraph IOM added.");
        await Assertions.Expect(page.Locator(".diff.rendered .same").First.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Statement compared word by word");
        await Assertions.Expect(page.Locator("section[aria-labelledby='text-title']")).ToContainTextAsync("What changed from revision 1 to revision 2: 1 paragraph changed, 1 paragraph added.");

        await page.GotoAsync($"/papers/{paper.Id}?revision=2&compare=1&view=split");
        var row = page.Locator("table.diff.rendered tr.changed");
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync("call on States to act", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(row.Locator("td").Nth(1).Locator("ins")).ToHaveTextAsync(["Added text: all ", "Added text:  now"]);
        BrowserHost.AssertAccessible(await page.RunAxe(), "paper page comparing revisions side by side");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show the markdown changes line by line" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator(".diff.unified:not(.rendered) ins").First).ToContainTextAsync("**now**", new() { Timeout = BrowserHost.Patience }));
    }

    [BrowserFact]
    public async Task A_round_opened_without_a_deadline_is_refused_at_the_top_of_the_page_and_opens_once_it_has_one()
    {
        var (paper, _) = await PaperScenario.DraftAsync(host.Server, "Statement opened with care");
        var lead = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync($"/papers/{paper.Id}");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();

        var summary = lead.Locator("#error-summary");
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(summary).ToContainTextAsync("Enter the deadline as a date and a time.", new() { Timeout = BrowserHost.Patience }));
        Assert.StartsWith("Error: ", await lead.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Drafting", (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).GetPaperAsync(paper.Id)).State);

        var deadline = host.Server.Clock.GetUtcNow().AddDays(5).ToOffset(TimeSpan.Zero);
        await lead.Locator("#deadline").FillAsync(deadline.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator("#done-text")).ToHaveTextAsync("The sign-off round is open.", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal("InSignOff", (await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).GetPaperAsync(paper.Id)).State);
    }

    [BrowserFact]
    public async Task A_sign_off_on_a_revision_that_was_replaced_meanwhile_is_refused_and_the_page_says_so()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host.Server, "Statement changed while read", "Unanimous", TimeSpan.FromDays(3));
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("IOM"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", Patient);
        await page.GotoAsync($"/papers/{paper.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });

        // The lead saves revision 2 (which cancels the round) and opens a new round on it, while IOM still reads revision 1.
        var lead = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var second = await lead.AddRevisionAsync(paper.Id, revision.Number, "# Statement changed while read\n\nA sharper call on States.\n");
        await lead.OpenRoundAsync(paper.Id, second.Number, "Unanimous", host.Server.Clock.GetUtcNow().AddDays(3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The text changed while you were reading it");
        // The banner over the old revision leads to the new one (the live panel may say so too, once its event arrives).
        await Assertions.Expect(page.Locator(".banner").GetByRole(AriaRole.Link, new() { Name = "Read revision 2" })).ToBeVisibleAsync();
        // The old revision's page offers no sign-off at all.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        var now = await (await host.Server.ClientFor(WorkspaceHost.Secretariat)).GetPaperAsync(paper.Id);
        Assert.Equal("Pending", now.Round!.Agencies.Single(a => a.AgencyCode == "IOM").Status);
    }

    [BrowserFact]
    public async Task A_save_on_top_of_an_older_revision_keeps_the_edit_and_shows_what_changed_meanwhile()
    {
        var (paper, revision) = await PaperScenario.DraftAsync(host.Server, "Brief edited by two");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("ILO"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", Patient);
        await page.GotoAsync($"/papers/{paper.Id}/edit");
        var body = page.GetByLabel("Text (markdown)");
        await Assertions.Expect(body).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        await body.FillAsync("# Brief edited by two\n\nMy careful paragraph, written for an hour.\n");

        var iom = await host.Server.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.AddRevisionAsync(paper.Id, revision.Number, "# Brief edited by two\n\nIOM's paragraph, saved first.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revision 2 was saved while you were editing" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        Assert.Contains("My careful paragraph", await page.GetByLabel("Text (markdown)").InputValueAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("ins")).ToContainTextAsync("IOM's paragraph, saved first.");

        // Saved again, it goes on top of revision 2.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator(".draft")).ToContainTextAsync("My careful paragraph", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal(3, (await iom.GetPaperAsync(paper.Id)).LatestRevision!.Number);
    }

    [BrowserFact]
    public async Task A_focal_point_of_an_agency_outside_the_paper_cannot_open_its_draft()
    {
        var (paper, _) = await PaperScenario.DraftAsync(host.Server, "Draft kept among its agencies");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("UNICEF"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", Patient);

        var response = await page.GotoAsync($"/papers/{paper.Id}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        Assert.DoesNotContain("Draft kept among its agencies", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
