using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Api;

/// <summary>Whatever a client sends, the answer is a problem document with a 4xx, never a 500.</summary>
public sealed class ErrorTestsOnSqlite(WorkspaceHost host) : ErrorTests<WorkspaceHost>(host);

public sealed class ErrorTestsOnPostgres(PostgresHost host) : ErrorTests<PostgresHost>(host);

public abstract class ErrorTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"code\":")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"code\": 42, \"name\": \"x\"}")]
    public async Task Malformed_json_is_400(string body)
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(http.PostAsync("/api/agencies", Json(body)), HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(http.PostAsync("/api/agencies", Json("")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(http.PostAsync("/api/agencies/ILO/focal-points",
            Json("{\"email\":\"x@ilo.demo\",\"displayName\":\"X\",\"password\":\"A-strong-password-1\",\"role\":\"Emperor\"}")),
            HttpStatusCode.BadRequest);
        Assert.Contains("role", ProblemAssert.ErrorFields(problem));

        var numeric = await ProblemAssert.IsProblem(http.PostAsync("/api/agencies/ILO/focal-points",
            Json("{\"email\":\"x@ilo.demo\",\"displayName\":\"X\",\"password\":\"A-strong-password-1\",\"role\":7}")),
            HttpStatusCode.BadRequest);
        Assert.Contains("role", ProblemAssert.ErrorFields(numeric));
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(http.PostAsync("/api/agencies", new StringContent("code=X", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var huge = "{\"code\":\"BIG\",\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        // With Expect: 100-continue the server refuses before the body is sent, so the client reads the answer
        // instead of having its upload cut off.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agencies") { Content = Json(huge) };
        request.Headers.ExpectContinue = true;
        await ProblemAssert.IsProblem(http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        await ProblemAssert.IsProblem(http.GetAsync("/api/agencies/BIG"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unmatched_route_is_404_and_a_wrong_method_405()
    {
        using var http = host.Anonymous();
        await ProblemAssert.IsProblem(http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(http.DeleteAsync("/api/members"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Theory]
    [InlineData("/api/events?after=-1")]
    [InlineData("/api/events?limit=0")]
    [InlineData("/api/events?limit=5000")]
    public async Task Out_of_range_query_values_are_400_with_field_errors(string url)
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(http.GetAsync(url), HttpStatusCode.BadRequest, "validation");
        Assert.NotEmpty(ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_400()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(http.GetAsync("/api/events?after=yesterday"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task A_malformed_idempotency_key_is_400(string key)
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agencies") { Content = JsonContent.Create(new { code = "KEYED", name = "Keyed" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var problem = await ProblemAssert.IsProblem(http.SendAsync(request), HttpStatusCode.BadRequest, "validation");
        Assert.Contains("Idempotency-Key", ProblemAssert.ErrorFields(problem));
    }
}
