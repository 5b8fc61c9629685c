using Microsoft.Playwright;
using Workspace.Tests.Infrastructure;

namespace Workspace.BrowserTests;

/// <summary>A browser test: it needs Debian's chromium (.ci/run installs it); on a machine without it, it is skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserHost.Chromium))
        {
            Skip = $"No chromium at {BrowserHost.Chromium}: install Debian's chromium package (.ci/run does).";
        }
    }
}

/// <summary>The real server and a headless chromium driven by Playwright, one per test class.</summary>
public class BrowserHost : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>How long to wait for what a page should show: generous, since CI runs the test projects side by side on two cores.</summary>
    public const float Patience = 30_000;

    private IPlaywright? playwright;

    public BrowserHost() => Server = CreateServer();

    public WorkspaceHost Server { get; }

    /// <summary>The server the browser is pointed at: on SQLite, unless a host of its own kind says otherwise.</summary>
    protected virtual WorkspaceHost CreateServer() => new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        if (!File.Exists(Chromium))
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }

        await Server.DisposeAsync();
    }

    /// <summary>A phone's screen, as the pages are checked on it.</summary>
    public static readonly (int Width, int Height) Phone = (390, 844);

    /// <summary>A fresh browser context (its own cookies) with a page on the server.</summary>
    public async Task<IPage> NewPageAsync(string timeZone = "Europe/Vienna", string locale = "en-GB", (int Width, int Height)? screen = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = timeZone,
            ViewportSize = screen is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
        });
        var page = await context.NewPageAsync();
        var console = Console.GetOrCreateValue(page);
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"page error: {error}");
        return page;
    }

    /// <summary>What <paramref name="page"/> wrote to its console so far.</summary>
    public static IReadOnlyList<string> ConsoleOf(IPage page) => Console.TryGetValue(page, out var lines) ? [.. lines] : [];

    /// <summary>What each page wrote to its console, to say when an expectation fails.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, System.Collections.Concurrent.ConcurrentBag<string>> Console = new();

    /// <summary>The server's warnings and errors so far, to say when an expectation fails.</summary>
    public string ServerComplaints() => string.Join("\n", Server.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    /// <summary>Runs an expectation; when it fails, says where the page is and what it shows.</summary>
    public static async Task ExpectAsync(IPage page, Func<Task> expectation, Func<string>? server = null)
    {
        try
        {
            await expectation();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var console = Console.TryGetValue(page, out var lines) ? string.Join("\n", lines) : "";
            throw new Xunit.Sdk.XunitException($"{e.Message}\nThe page is at {page.Url} and shows:\n{await page.Locator("body").InnerTextAsync()}\nIts console:\n{console}\nThe server:\n{server?.Invoke()}");
        }
    }

    /// <summary>Signs in and waits for the home page.</summary>
    /// <summary>axe-core found no serious or critical violation on the page scanned.</summary>
    public static void AssertAccessible(Deque.AxeCore.Commons.AxeResult result, string where)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{where}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    public static async Task SignInHomeAsync(IPage page, string email)
    {
        await SignInAsync(page, email);
        await ExpectAsync(page, () => Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What waits for you", new() { Timeout = Patience }));
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = WorkspaceHost.Password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}

/// <summary>The browser against the server on a PostgreSQL database of its own.</summary>
public sealed class BrowserHostOnPostgres : BrowserHost
{
    protected override WorkspaceHost CreateServer() => new PostgresHost();
}
