using System.Net;
using System.Text.Json;

namespace Workspace.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem with the status and type, and returns its body.</summary>
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        var actualType = body.GetProperty("type").GetString();
        Assert.StartsWith("https://workspace/errors/", actualType);
        if (type is not null)
        {
            Assert.Equal("https://workspace/errors/" + type, actualType);
        }

        return body;
    }

    public static async Task<JsonElement> IsProblem(Task<HttpResponseMessage> response, HttpStatusCode status, string? type = null) =>
        await IsProblem(await response, status, type);

    /// <summary>The field errors of a 400 problem.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
