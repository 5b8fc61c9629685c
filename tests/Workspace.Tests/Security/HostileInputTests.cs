using System.Net;
using System.Text;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Security;

/// <summary>What a careless or hostile client can send: a problem every time, never a 500, and nothing changed.</summary>
public sealed class HostileInputTestsOnSqlite(WorkspaceHost host) : HostileInputTests<WorkspaceHost>(host);

public sealed class HostileInputTestsOnPostgres(PostgresHost host) : HostileInputTests<PostgresHost>(host);

public abstract class HostileInputTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private const string Paper = """{"title":"T","kind":"IssueBrief","leadAgencyCode":"ILO","participatingAgencyCodes":["IOM"]}""";
    private const string Meeting = """{"title":"T","kind":"Plenary","startsAt":"2026-07-01T15:00:00+02:00","durationMinutes":60,"timeZone":"Europe/Vienna"}""";

    public static TheoryData<string, string, string, string?, int, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string?, int, string?>
        {
            // method, path, body, content type (null: JSON), status, problem type
            { "POST", "/api/papers", "{\"title\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", null, 413, "body-too-large" },
            { "POST", "/api/papers", Paper.Replace("\"T\"", "\"" + new string('a', 10_000) + "\"", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/papers", "{\"title\": ", null, 400, "malformed-request" },
            { "POST", "/api/papers", "", null, 400, null },
            { "POST", "/api/papers", "null", null, 400, null },
            { "POST", "/api/papers", "[]", null, 400, "malformed-request" },
            { "POST", "/api/papers", Paper.Replace("\"T\"", "\"\\ud800\"", StringComparison.Ordinal), null, 400, "malformed-request" },
            { "POST", "/api/papers", Paper.Replace("\"T\"", "\"A\\u0000B\"", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/papers", Paper.Replace("\"T\"", "\"\\u202Eevil\\u0007\"", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/papers", Paper.Replace("IssueBrief", "Pamphlet", StringComparison.Ordinal), null, 400, "malformed-request" },
            { "POST", "/api/papers", Paper.Replace("\"IssueBrief\"", "3", StringComparison.Ordinal), null, 400, "malformed-request" },
            { "POST", "/api/papers", Paper.Replace("[\"IOM\"]", "\"IOM\"", StringComparison.Ordinal), null, 400, "malformed-request" },
            { "POST", "/api/papers", Paper.Replace("[\"IOM\"]", "[\"iom\",\"\"]", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/papers", Paper.Replace("[\"IOM\"]", "[" + string.Join(',', Enumerable.Repeat("\"IOM\"", 5000)) + "]", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/papers", new string('[', 2000) + new string(']', 2000), null, 400, "malformed-request" },
            { "POST", "/api/papers", Paper, "text/plain", 415, "unsupported-media-type" },
            { "POST", "/api/papers", Paper, "application/x-www-form-urlencoded", 415, "unsupported-media-type" },
            { "POST", "/api/meetings", Meeting.Replace("Europe/Vienna", "../../../etc/passwd", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/meetings", Meeting.Replace("Europe/Vienna", "Europe/Vienna\\u0000", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/meetings", Meeting.Replace("Europe/Vienna", "EUROPE/VIENNA", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/meetings", Meeting.Replace("2026-07-01T15:00:00+02:00", "not a date", StringComparison.Ordinal), null, 400, "malformed-request" },
            { "POST", "/api/meetings", Meeting.Replace("2026-07-01T15:00:00+02:00", "9999-12-31T23:59:59+00:00", StringComparison.Ordinal), null, 400, "validation" },
            { "POST", "/api/meetings", Meeting.Replace("60", "100000000000000000000", StringComparison.Ordinal), null, 400, "malformed-request" },
            { "POST", "/api/meetings", Meeting.Replace("60", "-5", StringComparison.Ordinal), null, 400, "validation" },
            { "GET", "/api/papers/not-a-guid", "", null, 404, "not-found" },
            { "GET", "/api/events?after=abc", "", null, 400, null },
            { "GET", "/api/events?limit=-1", "", null, 400, "validation" },
            { "GET", "/api/events?after=99999999999999999999", "", null, 400, null },
            { "GET", "/api/meetings?from=yesterday", "", null, 400, null },
            { "DELETE", "/api/papers", "", null, 405, "method-not-allowed" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_gets_a_problem_and_changes_nothing(string method, string path, string body, string? contentType, int status, string? type)
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        var before = await http.GetStringAsync("/api/events?limit=1000");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0 || method == "POST")
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType ?? "application/json");
        }

        if (status == 413)
        {
            // As a careful client does with a large body: ask first. Otherwise the server's early 413 can reach the
            // client while it is still writing the rest, which then fails with a broken pipe instead of reading the answer.
            request.Headers.ExpectContinue = true;
        }

        var response = await http.SendAsync(request);

        await ProblemAssert.IsProblem(response, (HttpStatusCode)status, type);
        Assert.Equal(before, await http.GetStringAsync("/api/events?limit=1000"));
    }

    public static TheoryData<byte[]> BadBytes => new()
    {
        Encoding.UTF8.GetBytes(Paper.Replace("\"T\"", "\"X", StringComparison.Ordinal)).Concat(new byte[] { 0xFF, 0xFE, (byte)'"', (byte)'}' }).ToArray(),
        new byte[] { 0xC3, 0x28 },
        new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', 0xF8, 0x88, 0x80, 0x80, 0x80, (byte)'}' },
    };

    [Theory]
    [MemberData(nameof(BadBytes))]
    public async Task Bytes_that_are_not_utf8_get_a_problem(byte[] body)
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await ProblemAssert.IsProblem(http.PostAsync("/api/papers", content), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has spaces in it")]
    [InlineData("a,b")]
    public async Task A_malformed_idempotency_key_gets_a_problem(string key)
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/working-groups") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.Length == 0 ? [""] : key == "a,b" ? ["a", "b"] : [key]);
        await ProblemAssert.IsProblem(http.SendAsync(request), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_key_longer_than_allowed_gets_a_problem()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/working-groups") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", new string('k', 256));
        await ProblemAssert.IsProblem(http.SendAsync(request), HttpStatusCode.BadRequest, "validation");
    }
}
