using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.BrowserTests;

/// <summary>A live page whose connection drops says so quietly, comes back by itself and misses nothing.</summary>
public sealed class ReconnectTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task The_board_says_when_its_connection_drops_and_shows_what_changed_meanwhile_once_back()
    {
        var (paper, revision) = await PaperScenario.InSignOffAsync(host.Server, "Statement signed while the board was away", "Unanimous", TimeSpan.FromDays(3));
        var board = await host.NewPageAsync();
        await BrowserHost.SignInHomeAsync(board, WorkspaceHost.Secretariat);
        await board.GotoAsync("/board");
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(board.Locator("[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = BrowserHost.Patience }));
        var banner = board.Locator("#components-reconnect-modal");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        // The server goes away (a redeploy) and comes back on the same address and database.
        var restart = host.Server.RestartAsync();
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(banner).ToContainTextAsync("The live connection is lost", new() { Timeout = BrowserHost.Patience }));
        Assert.Equal("region", await banner.GetAttributeAsync("role"));
        await restart;
        await PaperScenario.ApproveAsync(host.Server, paper.Id, revision, "UNHCR");

        var cell = board.Locator($"[data-paper='{paper.Id}'][data-agency='UNHCR']");
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(cell).ToContainTextAsync("Approved", new() { Timeout = 60_000 }));
        await BrowserHost.ExpectAsync(board, () => Assertions.Expect(board.Locator("[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = BrowserHost.Patience }));
    }
}
