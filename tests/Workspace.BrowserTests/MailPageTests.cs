using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>The browser against a server that mails to a real SMTP server of the test's own.</summary>
public sealed class MailBrowserHost : BrowserHost
{
    protected override WorkspaceHost CreateServer() => new MailHost();

    public MailHost Mail => (MailHost)Server;
}

/// <summary>Living from the inbox: the links in a message work with no sign-in; what is mailed is chosen on a page.</summary>
public sealed partial class MailPageTests(MailBrowserHost host) : IClassFixture<MailBrowserHost>
{
    [GeneratedRegex(@"^Accept: (http\S+)$", RegexOptions.Multiline)]
    private static partial Regex AcceptLink();

    [GeneratedRegex(@"^Stop this kind of mail: (http\S+)$", RegexOptions.Multiline)]
    private static partial Regex StopLink();

    [BrowserFact]
    public async Task The_accept_link_of_an_invitation_records_the_answer_with_no_sign_in()
    {
        await host.Mail.Smtp.StartAsync();
        var coChair = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await coChair.ScheduleMeetingAsync("Answered from the inbox", "Plenary", host.Server.Clock.GetUtcNow().AddDays(9), 60, "Europe/Vienna", invitedAgencyCodes: ["UNICEF"]);
        await host.Mail.DeliverMailAsync();
        var invitation = Assert.Single(host.Mail.Smtp.To(WorkspaceHost.FocalPoint("UNICEF"), "Invitation: Answered from the inbox"));
        var accept = AcceptLink().Match(invitation.TextBody ?? "").Groups[1].Value;

        var page = await host.NewPageAsync("America/New_York");
        await page.GotoAsync(accept);
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("main")).ToContainTextAsync("Answered from the inbox", new() { Timeout = BrowserHost.Patience }));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your answer: Accepted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record my answer" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your answer is recorded: Accepted", new() { Timeout = BrowserHost.Patience }));
        var rsvps = (await coChair.GetMeetingAsync(meeting.Id)).Rsvps;
        Assert.Contains(rsvps, r => r.AgencyCode == "UNICEF" && r.Email == WorkspaceHost.FocalPoint("UNICEF") && r.Response == "Accepted");

        // A link changed by hand does nothing.
        await page.GotoAsync(accept.Replace("t=", "t=x", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This link has expired or is not valid");
    }

    [BrowserFact]
    public async Task A_focal_point_stops_a_kind_of_mail_from_the_message_and_chooses_the_rest_on_the_mail_settings_page()
    {
        await host.Mail.Smtp.StartAsync();
        var coChair = await host.Server.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await coChair.ScheduleMeetingAsync("Mailed to OHCHR", "Plenary", host.Server.Clock.GetUtcNow().AddDays(9), 60, "Europe/Vienna", invitedAgencyCodes: ["OHCHR"]);
        await host.Mail.DeliverMailAsync();
        var invitation = Assert.Single(host.Mail.Smtp.To(WorkspaceHost.FocalPoint("OHCHR"), "Invitation: Mailed to OHCHR"));

        var inbox = await host.NewPageAsync();
        await inbox.GotoAsync(StopLink().Match(invitation.TextBody ?? "").Groups[1].Value);
        await Assertions.Expect(inbox.Locator("main")).ToContainTextAsync("You will no longer receive by mail: Invitations to meetings");
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Stop this mail" }).ClickAsync();
        await BrowserHost.ExpectAsync(inbox, () => Assertions.Expect(inbox.Locator("main")).ToContainTextAsync("Done: this is no longer mailed to you.", new() { Timeout = BrowserHost.Patience }));

        var page = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("OHCHR"));
        await page.GotoAsync("/settings/mail");
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "Invitations to meetings Off" }).IsCheckedAsync());
        await page.GetByRole(AriaRole.Radio, new() { Name = "A paper signed off Off" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Reminders before a meeting Morning digest" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mail settings" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your mail settings are saved.", new() { Timeout = BrowserHost.Patience }));
        var kinds = (await (await host.Server.ClientFor(WorkspaceHost.FocalPoint("OHCHR"))).GetMailSettingsAsync()).Kinds;
        Assert.Equal(("Off", "Off", "Digest", "Immediate"), (kinds["meeting-scheduled"], kinds["round-completed"], kinds["meeting-reminder"], kinds["round-opened"]));
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "A paper signed off Off" }).IsCheckedAsync());
    }
}
