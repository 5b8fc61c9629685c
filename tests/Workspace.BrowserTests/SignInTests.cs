using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

public sealed class SignInTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_focal_point_signs_in_sees_what_their_agency_owes_and_signs_out()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");
        Assert.EndsWith("/login?returnUrl=%2F", page.Url, StringComparison.Ordinal);
        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("OHCHR"));

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal(host.Server.BaseAddress.ToString(), page.Url);
        Assert.Contains("OHCHR · Focal point (OHCHR)", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        // The session cookie: out of scripts' reach, not sent by other sites' requests, over HTTPS only outside Development.
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "workspace");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.True(cookie.Secure);
        // The demo's joint statement in a silence procedure waits for OHCHR (IOM has approved it).
        Assert.Contains("Joint statement", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in", new() { Timeout = BrowserHost.Patience });
        await page.GotoAsync("/");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_page_that_is_not_there_or_not_for_the_person_says_so_as_a_page()
    {
        var page = await host.NewPageAsync();
        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");

        await BrowserHost.SignInHomeAsync(page, WorkspaceHost.FocalPoint("IOM"));
        var admin = await page.GotoAsync("/admin/people");
        Assert.Equal(403, admin!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        Assert.DoesNotContain("secretariat@unodc.demo", await page.ContentAsync(), StringComparison.Ordinal);

        // The API keeps answering with problem details.
        var api = await page.APIRequest.GetAsync("/api/no-such-route");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_wrong_password_shows_the_problem_at_the_top_and_keeps_the_address()
    {
        var page = await host.NewPageAsync();

        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("UNICEF"), "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience });
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(WorkspaceHost.FocalPoint("UNICEF"), await page.GetByLabel("Email").InputValueAsync());
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [BrowserFact]
    public async Task The_sign_in_page_and_home_have_no_serious_or_critical_accessibility_violation()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/login");
        BrowserHost.AssertAccessible(await page.RunAxe(), "/login");

        await BrowserHost.SignInAsync(page, WorkspaceHost.FocalPoint("ILO"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", new() { Timeout = BrowserHost.Patience });
        BrowserHost.AssertAccessible(await page.RunAxe(), "/");
    }

}
