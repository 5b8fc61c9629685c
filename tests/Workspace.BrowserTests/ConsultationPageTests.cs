using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>A draft before the public: the lead opens it, an outside reader comments and confirms from the inbox, a moderator approves.</summary>
public sealed partial class ConsultationPageTests(MailBrowserHost host) : IClassFixture<MailBrowserHost>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = BrowserHost.Patience };

    [GeneratedRegex(@"(http\S+/consultations/confirm\?t=\S+)")]
    private static partial Regex ConfirmLink();


    [BrowserFact]
    public async Task An_outside_reader_comments_confirms_from_the_inbox_and_sees_the_comment_once_a_moderator_approved_it()
    {
        await host.Mail.Smtp.StartAsync();
        var (paper, _) = await PaperScenario.DraftAsync(host.Server, "Issue paper before the public");
        var lead = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(lead, WorkspaceHost.FocalPoint("ILO"));
        await lead.GotoAsync($"/papers/{paper.Id}");
        await lead.GetByLabel("Comments close on (Vienna time)").FillAsync("2026-07-15T18:00");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Open to public comment" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator("#done-text")).ToContainTextAsync("open to public comment", Patient));
        var publicPage = await lead.GetByRole(AriaRole.Link, new() { Name = "The public page" }).GetAttributeAsync("href");

        var reader = await host.NewPageAsync("America/Sao_Paulo");
        await reader.GotoAsync(publicPage!);
        await Assertions.Expect(reader.Locator("h1")).ToContainTextAsync("Issue paper before the public");
        BrowserHost.AssertAccessible(await reader.RunAxe(), "public consultation page");
        await reader.GetByLabel("Your name").FillAsync("Ana Lima");
        await reader.GetByLabel("E-mail address").FillAsync("ana@example.org");
        await reader.GetByLabel("Your comment").FillAsync("Name debt bondage in section 2.");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send my comment" }).ClickAsync();
        await BrowserHost.ExpectAsync(reader, () => Assertions.Expect(reader.Locator("#done-text")).ToContainTextAsync("We have sent you an e-mail", Patient));
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("No comment has been published yet.");

        await host.Mail.DeliverMailAsync();
        var mail = Assert.Single(host.Mail.Smtp.To("ana@example.org", "Confirm your comment"));
        await reader.GotoAsync(ConfirmLink().Match(mail.TextBody ?? "").Groups[1].Value);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Confirm my comment" }).ClickAsync();
        await BrowserHost.ExpectAsync(reader, () => Assertions.Expect(reader.Locator("#confirmed-text")).ToContainTextAsync("goes to the moderators", Patient));

        await lead.GotoAsync(publicPage + "/moderation");
        var item = lead.Locator("li[data-comment]", new() { HasText = "Ana Lima" });
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(item).ToContainTextAsync("Waiting for moderation", Patient));
        BrowserHost.AssertAccessible(await lead.RunAxe(), "moderation page");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await BrowserHost.ExpectAsync(lead, () => Assertions.Expect(lead.Locator("li[data-comment]", new() { HasText = "Ana Lima" })).ToContainTextAsync("Published", Patient));

        await reader.GotoAsync(publicPage!);
        await Assertions.Expect(reader.Locator("ul.comments")).ToContainTextAsync("Name debt bondage in section 2.");
        await Assertions.Expect(reader.Locator("main")).Not.ToContainTextAsync("ana@example.org");
    }
}
