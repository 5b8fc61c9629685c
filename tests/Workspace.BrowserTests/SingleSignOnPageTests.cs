using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>The browser against a server that signs people in through a real OpenID Connect provider of the test's own.</summary>
public sealed class SingleSignOnBrowserHost : BrowserHost
{
    protected override WorkspaceHost CreateServer() => new SingleSignOnHost();

    public IdentityProvider IdP => ((SingleSignOnHost)Server).IdP;
}

public sealed class SingleSignOnPageTests(SingleSignOnBrowserHost host) : IClassFixture<SingleSignOnBrowserHost>
{
    [BrowserFact]
    public async Task A_person_signs_in_with_the_organizations_account_and_lands_where_they_were_going_acting_for_their_agency()
    {
        host.IdP.NextPerson = ("sub-browser-1", "omar@ilo.example", "Omar Diallo", "group-ilo");
        var page = await host.NewPageAsync();
        await page.GotoAsync("/meetings");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        BrowserHost.AssertAccessible(await page.RunAxe(), "/login with single sign-on");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test ID" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meetings", new() { Timeout = BrowserHost.Patience }), host.ServerComplaints);
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("ILO");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Omar Diallo");
        Assert.Equal(1, host.IdP.SignIns);
    }

    [BrowserFact]
    public async Task A_refusal_at_the_provider_brings_the_person_back_to_the_sign_in_page_with_the_reason()
    {
        host.IdP.RefuseNext = true;
        var page = await host.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test ID" }).ClickAsync();

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sso=failed"), new() { Timeout = BrowserHost.Patience }), host.ServerComplaints);
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("did not succeed", new() { Timeout = 5_000 }), host.ServerComplaints);
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }
}
