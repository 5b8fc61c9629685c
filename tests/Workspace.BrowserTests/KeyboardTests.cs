using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>Sign-in and sign-off with the keyboard alone: every step reached with Tab, shown with a visible focus, done with Enter.</summary>
public sealed class KeyboardTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task A_focal_point_signs_in_and_approves_with_the_keyboard_alone()
    {
        var (paper, _) = await PaperScenario.InSignOffAsync(host.Server, "Statement approved by keyboard", "Unanimous", TimeSpan.FromDays(3));
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl=%2Fpapers%2F{paper.Id}");

        // The first stop is the skip link, and it leads to the main content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync(WorkspaceHost.FocalPoint("IOM"));
        await TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync(WorkspaceHost.Password);
        await page.Keyboard.PressAsync("Enter");

        var approve = page.GetByRole(AriaRole.Button, new() { Name = "Approve" });
        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(approve).ToBeVisibleAsync(new() { Timeout = BrowserHost.Patience }));
        await TabToAsync(page, "button[value='Approve']");
        await page.Keyboard.PressAsync("Enter");

        await BrowserHost.ExpectAsync(page, () => Assertions.Expect(page.Locator("tr[data-agency-row='IOM']")).ToContainTextAsync("Approved", new() { Timeout = BrowserHost.Patience }));
    }

    private static Task<string> FocusedTextAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement.textContent.trim()");

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, and checks the focus can be seen.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
                Assert.NotEqual("none", outline);
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} cannot be reached with Tab on {page.Url}.");
    }
}
