using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workspace.Server.Data;
using Workspace.Server.Http;
using Workspace.Server.Mail;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Security;

/// <summary>A server with no logging configuration beyond "Information" (as a published one without appsettings.json).</summary>
public sealed class InformationLogHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Logging:LogLevel:Default", "Information")];
}

public sealed class LoggingTests(InformationLogHost host) : IClassFixture<InformationLogHost>
{
    [Fact]
    public async Task Requests_are_logged_once_each_with_their_secrets_redacted_and_no_sql_is_logged()
    {
        var token = await host.TokenFor(WorkspaceHost.FocalPoint("UNICEF"));
        var unicef = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));
        var feed = (await (await unicef.PostAsync("/api/me/calendar-feed", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var secret = feed[(feed.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        using var calendar = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(feed)).StatusCode);
        // As a browser opens the hub: the token in the query string, since WebSockets take no headers there.
        using var browser = host.Anonymous();
        var negotiated = await browser.PostAsync($"/hubs/workspace/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);

        // A request's line is written once its response is complete.
        await host.Logs.WaitForAsync(l => l.Category == typeof(RequestLog).FullName && l.Message.Contains("/hubs/workspace/negotiate?", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var lines = host.Logs.Lines.ToList();
        Assert.DoesNotContain(lines, l => l.Message.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && l.Level < LogLevel.Warning);
        Assert.DoesNotContain(lines, l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Level < LogLevel.Warning);
        Assert.Contains(lines, l => l.Category == typeof(RequestLog).FullName && l.Message.StartsWith("GET /api/calendar.ics?token=*** → 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category == typeof(RequestLog).FullName && l.Message.Contains("/hubs/workspace/negotiate?negotiateVersion=1&access_token=*** → 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_sealed_link_reaches_the_log_on_any_route_that_takes_one()
    {
        var links = host.App.Services.GetRequiredService<MailLinks>();
        Guid person, meeting;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
            person = (await db.Users.SingleAsync(u => u.Email == WorkspaceHost.FocalPoint("ILO"))).Id;
            meeting = (await db.Meetings.FirstAsync()).Id;
        }

        var later = host.Clock.GetUtcNow().UtcDateTime.AddDays(30);
        string[] sealedLinks =
        [
            links.Rsvp(person, meeting, "Accepted", later),
            links.UnsubscribePage(person, "sign-off-requested"),
            links.OneClickUnsubscribe(person, "sign-off-reminder"),
            links.ConfirmComment(Guid.NewGuid(), later),
        ];
        var tokens = sealedLinks.Select(l => Uri.UnescapeDataString(l[(l.IndexOf("?t=", StringComparison.Ordinal) + 3)..])).ToList();
        using var browser = host.Anonymous();
        foreach (var link in sealedLinks)
        {
            var path = new Uri(link).PathAndQuery;
            await browser.GetAsync(path);
            await browser.PostAsync(path.StartsWith("/api/", StringComparison.Ordinal) ? path : "/api/consultations/comments/confirm" + path[path.IndexOf('?', StringComparison.Ordinal)..], null);
        }

        await browser.PostAsync("/api/mail/unsubscribe?t=end", null);
        await host.Logs.WaitForAsync(l => l.Category == typeof(RequestLog).FullName && l.Message.StartsWith("POST /api/mail/unsubscribe?t=end", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var lines = host.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Message.StartsWith("GET /mail/rsvp?t=*** → 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.StartsWith("POST /api/consultations/comments/confirm?t=*** → ", StringComparison.Ordinal));
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(lines, l => l.Message.Contains(token, StringComparison.Ordinal) || l.Message.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("?id=1&access_token=abc.def", "?id=1&access_token=***")]
    [InlineData("?token=s3cret", "?token=***")]
    [InlineData("?from=1&to=2", "?from=1&to=2")]
    [InlineData("?refreshToken=x&password=y&apiKey=z", "?refreshToken=***&password=***&apiKey=***")]
    [InlineData("", "")]
    [InlineData("?t=Q2xvc2VkIGxpbmsgdG9rZW4gd2l0aCBhIHNlYWw", "?t=***")]
    [InlineData("?revision=3&compare=2&culture=fr", "?revision=3&compare=2&culture=fr")]
    [InlineData("?from=2026-06-01&to=2026-06-30T00:00:00Z&theme=Technology", "?from=2026-06-01&to=2026-06-30T00:00:00Z&theme=Technology")]
    [InlineData("?anyNewName=dGhpcyBsb29rcyBsaWtlIGEgc2VjcmV0", "?anyNewName=***")]
    public void Secrets_in_query_strings_are_redacted(string query, string logged) => Assert.Equal(logged, RequestLog.Redact(query));
}
