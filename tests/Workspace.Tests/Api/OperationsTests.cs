using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Api;

public sealed class OperationsTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        using var http = host.Anonymous();
        var response = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        using var http = host.Anonymous();
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        string[] expected =
        [
            "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/me", "/api/me/password", "/api/me/notifications", "/api/me/notifications/{id}/read",
            "/api/me/calendar-feed", "/api/agencies", "/api/agencies/{code}", "/api/agencies/{code}/profile", "/api/agencies/{code}/focal-points",
            "/api/members", "/api/cochairs/current", "/api/cochair-terms", "/api/working-groups", "/api/working-groups/{id}",
            "/api/working-groups/{id}/papers", "/api/working-groups/{id}/meetings", "/api/papers", "/api/papers/{paperId}",
            "/api/papers/{paperId}/revisions", "/api/papers/{paperId}/revisions/{number}", "/api/papers/{paperId}/diff", "/api/papers/{paperId}/comments",
            "/api/papers/{paperId}/rounds", "/api/papers/{paperId}/sign-offs", "/api/papers/{paperId}/publish", "/api/papers/{paperId}/withdraw", "/api/papers/{paperId}/sign-off-record",
            "/api/sign-off-status", "/api/publications", "/api/publications/{paperId}", "/publications.atom", "/api/meetings", "/api/meetings/{meetingId}",
            "/api/meetings/{meetingId}/agenda-items", "/api/meetings/{meetingId}/rsvp", "/api/meetings/{meetingId}/reschedule",
            "/api/meetings/{meetingId}/cancel", "/api/meetings/{meetingId}/ics", "/api/meetings/{meetingId}/minutes", "/api/calendar.ics",
            "/api/events", "/api/audit/verify", "/api/audit/rotate-key", "/api/operations/backup",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing");
        }

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), $"{operation.Name} {path.Name} has no summary");
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), $"{operation.Name} {path.Name} has no description");
            }
        }

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        using var http = host.Anonymous();
        var page = await http.GetStringAsync("/api-reference/");
        Assert.Contains("Inter-Agency Workspace API", page);
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_the_secretariat_only()
    {
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        var focal = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync("/hangfire")).StatusCode);
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var dashboard = await secretariat.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Workspace jobs", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_hub_takes_a_bearer_token_and_resumes_with_what_the_caller_may_see()
    {
        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));
        var expected = await unicef.ReadEventsAsync(0, 1000);

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/workspace"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(unicef.Token?.AccessToken ?? Bearer(unicef)))
            .Build();
        await connection.StartAsync();
        var resumed = await connection.InvokeAsync<List<WorkspaceEvent>>("Resume", 5L);

        Assert.Equal(expected.Where(e => e.Seq > 5).Select(e => e.Seq), resumed.Select(e => e.Seq));
        Assert.All(resumed, e => Assert.False(string.IsNullOrEmpty(e.Type)));
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, "/hubs/workspace")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static string Bearer(WorkspaceClient client) => client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
}

/// <summary>A host that allows only three sign-in attempts a minute.</summary>
public sealed class StrictLoginHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Access:LoginPermitsPerMinute", "3")];
}

public sealed class LoginRateLimitTests(StrictLoginHost host) : IClassFixture<StrictLoginHost>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_429_with_retry_after()
    {
        using var http = host.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.FocalPoint("ILO"), password = WorkspaceHost.Password });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.FocalPoint("ILO"), password = WorkspaceHost.Password });
        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}

/// <summary>Demo seeding switched on with no password configured.</summary>
public sealed class NoPasswordHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Seed:DemoPassword", "")];
}

public sealed class SeedRefusalTests(NoPasswordHost host) : IClassFixture<NoPasswordHost>
{
    [Fact]
    public async Task Without_a_demo_password_the_server_runs_but_seeds_nobody()
    {
        using var http = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<List<JsonElement>>("/api/members"))!);
        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.Secretariat, password = "" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.Secretariat, password = WorkspaceHost.Password }), HttpStatusCode.Unauthorized);
    }
}

/// <summary>A deployment without demo data whose first secretariat sign-in comes from settings.</summary>
public sealed class BootstrapHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Seed:Demo", "false"),
        new("Bootstrap:SecretariatEmail", "head@unodc.example"),
        new("Bootstrap:SecretariatPassword", "First-secretariat-1"),
    ];
}

public sealed class BootstrapTests(BootstrapHost host) : IClassFixture<BootstrapHost>
{
    [Fact]
    public async Task The_first_secretariat_signs_in_and_builds_the_group_from_there()
    {
        var secretariat = new WorkspaceClient(host.Anonymous());
        await secretariat.SignInAsync("head@unodc.example", "First-secretariat-1");
        var me = await secretariat.GetMeAsync();

        Assert.Equal("UNODC", me.AgencyCode);
        Assert.Equal(["Secretariat"], me.Roles);
        Assert.Equal(["UNODC"], (await secretariat.ListAgenciesAsync()).Select(a => a.Code));
        await secretariat.RegisterAgencyAsync("ILO", "International Labour Organization");

        // The first thing to do: change the bootstrap password.
        var wrong = await secretariat.Http.PostAsJsonAsync("/api/me/password", new { currentPassword = "not-it", newPassword = "Chosen-by-me-2026" });
        Assert.Contains("currentPassword", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(wrong, HttpStatusCode.BadRequest)));
        var changed = await secretariat.Http.PostAsJsonAsync("/api/me/password", new { currentPassword = "First-secretariat-1", newPassword = "Chosen-by-me-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        // A restart does not register the person again, nor restore the bootstrap password.
        await host.RestartAsync();
        secretariat = new WorkspaceClient(host.Anonymous());
        await Assert.ThrowsAsync<WorkspaceProblemException>(() => secretariat.SignInAsync("head@unodc.example", "First-secretariat-1"));
        await secretariat.SignInAsync("head@unodc.example", "Chosen-by-me-2026");
        Assert.Equal(["ILO", "UNODC"], (await secretariat.ListAgenciesAsync()).Select(a => a.Code));
    }
}
