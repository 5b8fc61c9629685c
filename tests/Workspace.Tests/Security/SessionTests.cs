using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workspace.Server;
using Workspace.Server.Auth;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Security;

/// <summary>Sign-in that tells no one which addresses exist and lets no one lock another out; tokens that end when they should.</summary>
public sealed class SessionTestsOnSqlite(WorkspaceHost host) : SessionTests<WorkspaceHost>(host);

public sealed class SessionTestsOnPostgres(PostgresHost host) : SessionTests<PostgresHost>(host);

public abstract class SessionTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private static async Task<JsonElement> SignInAsync(HttpClient http, string email, string password = WorkspaceHost.Password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpClient WithToken(WorkspaceHost host, JsonElement token)
    {
        var http = host.Anonymous();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    [Fact]
    public async Task After_five_failures_a_known_and_an_unknown_address_get_the_same_answer_and_neither_is_locked_for_others()
    {
        using var http = host.Anonymous();
        var known = WorkspaceHost.FocalPoint("UNFPA");
        const string unknown = "nobody-here@unfpa.demo";
        foreach (var email in new[] { known, unknown })
        {
            for (var i = 0; i < 5; i++)
            {
                await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-" + i }),
                    HttpStatusCode.Unauthorized, "wrong-credentials");
            }
        }

        var knownAnswer = await http.PostAsJsonAsync("/api/auth/login", new { email = known, password = WorkspaceHost.Password });
        var unknownAnswer = await http.PostAsJsonAsync("/api/auth/login", new { email = unknown, password = WorkspaceHost.Password });
        var a = await ProblemAssert.IsProblem(knownAnswer, HttpStatusCode.TooManyRequests, "too-many-attempts");
        var b = await ProblemAssert.IsProblem(unknownAnswer, HttpStatusCode.TooManyRequests, "too-many-attempts");
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(knownAnswer.Headers.RetryAfter?.Delta, unknownAnswer.Headers.RetryAfter?.Delta);
        Assert.True(knownAnswer.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // The account itself is not locked: another client signs in, and this one may again once the window has passed.
        var throttle = host.App.Services.GetRequiredService<SignInThrottle>();
        Assert.True(throttle.TryBegin(known, "203.0.113.9", out var elsewhere, out _));
        elsewhere.Succeeded();
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await SignInAsync(http, known);
    }

    [Fact]
    public async Task Forty_concurrent_wrong_passwords_have_exactly_the_allowed_five_evaluated()
    {
        using var http = host.Anonymous();
        var email = WorkspaceHost.FocalPoint("UNDP");
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => http.PostAsJsonAsync("/api/auth/login", new { email, password = $"wrong-{i}" })));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(35, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public void The_throttle_never_lets_more_attempts_run_than_allowed_whatever_the_interleaving()
    {
        var limit = host.App.Services.GetRequiredService<IOptions<AccessOptions>>().Value.MaxFailedAttempts;
        var throttle = new SignInThrottle(host.Clock, Options.Create(new AccessOptions()));
        var begun = 0;
        Parallel.For(0, 200, i =>
        {
            if (throttle.TryBegin("race@demo", "198.51.100.1", out var attempt, out _))
            {
                Interlocked.Increment(ref begun);
                attempt.Failed();
            }
        });

        Assert.Equal(limit, begun);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_whole_session()
    {
        using var http = host.Anonymous();
        var first = await SignInAsync(http, WorkspaceHost.FocalPoint("WHO"));
        var firstRefresh = first.GetProperty("refreshToken").GetString();

        var second = await (await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = firstRefresh })).Content.ReadFromJsonAsync<JsonElement>();
        using (var renewed = WithToken(host, second))
        {
            Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/me")).StatusCode);
        }

        // The first refresh token was copied: its reuse is refused and everything of the session ends.
        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = firstRefresh }), HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.GetProperty("refreshToken").GetString() }),
            HttpStatusCode.Unauthorized, "invalid-refresh-token");
        using var afterReuse = WithToken(host, second);
        await ProblemAssert.IsProblem(afterReuse.GetAsync("/api/me"), HttpStatusCode.Unauthorized);

        // Another session of the same person is untouched.
        using var other = WithToken(host, await SignInAsync(http, WorkspaceHost.FocalPoint("WHO")));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Two_exchanges_of_one_refresh_token_at_once_give_at_most_one_new_pair()
    {
        using var http = host.Anonymous();
        var token = await SignInAsync(http, WorkspaceHost.FocalPoint("UNAIDS"));
        var refresh = token.GetProperty("refreshToken").GetString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_access_and_refresh_tokens_and_cuts_the_live_connection()
    {
        using var http = host.Anonymous();
        var token = await SignInAsync(http, WorkspaceHost.FocalPoint("UNESCO"));
        using var signedIn = WithToken(host, token);
        await using var hub = await ConnectAsync(token.GetProperty("accessToken").GetString()!);
        var closed = Closed(hub);

        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.PostAsync("/api/auth/logout", null)).StatusCode);

        await ProblemAssert.IsProblem(signedIn.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        // Also where an endpoint authenticates by its own policy (the calendar takes a feed secret or a token).
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.PostAsync("/hubs/workspace/negotiate?negotiateVersion=1", null)).StatusCode);
        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.GetProperty("refreshToken").GetString() }),
            HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_password_change_ends_every_token_the_live_connections_and_the_calendar_subscription()
    {
        using var http = host.Anonymous();
        var email = WorkspaceHost.FocalPoint("UNWOMEN");
        var other = await SignInAsync(http, email);
        var token = await SignInAsync(http, email);
        using var signedIn = WithToken(host, token);
        var feed = (await (await signedIn.PostAsync("/api/me/calendar-feed", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        using var calendar = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(feed)).StatusCode);
        await using var hub = await ConnectAsync(other.GetProperty("accessToken").GetString()!);
        var closed = Closed(hub);

        var changed = await signedIn.PostAsJsonAsync("/api/me/password", new { currentPassword = WorkspaceHost.Password, newPassword = "A-new-password-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await ProblemAssert.IsProblem(signedIn.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        using var otherSession = WithToken(host, other);
        await ProblemAssert.IsProblem(otherSession.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = other.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(calendar.GetAsync(feed), HttpStatusCode.NotFound);
        // The other session's live connection is cut once the change commits.
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        using var again = WithToken(host, await SignInAsync(http, email, "A-new-password-2026"));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_live_connection_is_closed_when_its_token_expires()
    {
        using var http = host.Anonymous();
        var token = await SignInAsync(http, WorkspaceHost.FocalPoint("UNICRI"));
        await using var hub = await ConnectAsync(token.GetProperty("accessToken").GetString()!);
        var closed = Closed(hub);
        Assert.False(closed.IsCompleted);

        host.Clock.Advance(TimeSpan.FromSeconds(token.GetProperty("expiresIn").GetInt32() + 1));

        await closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task<HubConnection> ConnectAsync(string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/workspace"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
