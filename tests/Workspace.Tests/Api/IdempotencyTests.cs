using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Api;

public sealed class IdempotencyTestsOnSqlite(WorkspaceHost host) : IdempotencyTests<WorkspaceHost>(host);

public sealed class IdempotencyTestsOnPostgres(PostgresHost host) : IdempotencyTests<PostgresHost>(host);

public abstract class IdempotencyTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private static HttpRequestMessage Post(string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<int> CountGroupsNamed(HttpClient http, string name) =>
        (await http.GetFromJsonAsync<List<JsonElement>>("/api/working-groups"))!.Count(g => g.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_same_key_and_body_returns_the_first_response_and_has_no_second_effect()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var body = new { name = "Retried group", leadAgencyCode = "ILO", memberAgencyCodes = new[] { "IOM" } };
        var eventsBefore = (await http.GetFromJsonAsync<List<JsonElement>>("/api/events?limit=1000"))!.Count;

        var first = await http.SendAsync(Post("/api/working-groups", body, "retry-1"));
        var second = await http.SendAsync(Post("/api/working-groups", body, "retry-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await CountGroupsNamed(http, "Retried group"));
        Assert.Equal(eventsBefore + 1, (await http.GetFromJsonAsync<List<JsonElement>>("/api/events?limit=1000"))!.Count);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var first = await http.SendAsync(Post("/api/working-groups", new { name = "Keyed A", leadAgencyCode = "ILO", memberAgencyCodes = Array.Empty<string>() }, "reuse-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await ProblemAssert.IsProblem(
            http.SendAsync(Post("/api/working-groups", new { name = "Keyed B", leadAgencyCode = "ILO", memberAgencyCodes = Array.Empty<string>() }, "reuse-1")),
            HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(0, await CountGroupsNamed(http, "Keyed B"));
    }

    [Fact]
    public async Task Keys_belong_to_the_person_who_sent_them()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var coChair = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        var body = new { name = "Shared key group", leadAgencyCode = "ILO", memberAgencyCodes = Array.Empty<string>() };

        var a = await secretariat.SendAsync(Post("/api/working-groups", body, "same-key"));
        var b = await coChair.SendAsync(Post("/api/working-groups", body, "same-key"));

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
        Assert.Equal(2, await CountGroupsNamed(secretariat, "Shared key group"));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_have_one_effect_and_one_answer()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var body = new { name = "Raced group", leadAgencyCode = "IOM", memberAgencyCodes = new[] { "ILO" } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => http.SendAsync(Post("/api/working-groups", body, "race-1"))));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await CountGroupsNamed(http, "Raced group"));
    }

    [Fact]
    public async Task A_key_is_forgotten_after_its_retention_and_may_then_be_used_again()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var first = await http.SendAsync(Post("/api/working-groups", new { name = "Kept a day", leadAgencyCode = "ILO", memberAgencyCodes = Array.Empty<string>() }, "day-old"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        host.Clock.Advance(TimeSpan.FromHours(25));
        await using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(host.App.Services))
        {
            var purged = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MediatR.IMediator>(scope.ServiceProvider)
                .Send(new Workspace.Server.Pipeline.PurgeIdempotencyKeys.Command());
            Assert.True(purged >= 1);
        }

        http = await host.HttpFor(WorkspaceHost.Secretariat);
        var reused = await http.SendAsync(Post("/api/working-groups", new { name = "Another day", leadAgencyCode = "ILO", memberAgencyCodes = Array.Empty<string>() }, "day-old"));
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
    }

    [Fact]
    public async Task A_refused_command_stores_nothing_so_a_corrected_retry_with_the_key_succeeds()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(http.SendAsync(Post("/api/agencies", new { code = "ILO", name = "Duplicate" }, "fix-1")), HttpStatusCode.Conflict);
        var retried = await http.SendAsync(Post("/api/agencies", new { code = "ILO", name = "Duplicate" }, "fix-1"));
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
    }
}
