using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Membership;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>
/// What a browser meets: pages that run only the server's own script files, forms signed in by the cookie that only
/// the workspace's pages can send, and redirects that never carry the Host header a client chose.
/// </summary>
public sealed partial class PageHardeningTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();

    private async Task<CookieBrowser> SignedInBrowserAsync(string email)
    {
        var browser = new CookieBrowser(host.BaseAddress);
        var page = await browser.GetStringAsync("/login");
        var fields = HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = WorkspaceHost.Password;
        var landed = await browser.PostAsync("/login", new FormUrlEncodedContent(fields));
        Assert.NotEqual("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }

    [Fact]
    public async Task Pages_allow_no_inline_script_and_only_the_two_tool_pages_keep_theirs()
    {
        using var anonymous = host.Anonymous();
        foreach (var path in new[] { "/login", "/publications", "/members" })
        {
            var policy = (await anonymous.GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        var reference = (await anonymous.GetAsync("/api-reference")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'unsafe-inline'", reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_post_signed_in_by_the_cookie_without_the_pages_token_is_refused_and_changes_nothing()
    {
        var (paper, _) = await DraftAsync(host, "Paper a forged form aims at");
        using var browser = await SignedInBrowserAsync(WorkspaceHost.FocalPoint("ILO"));
        MultipartFormDataContent Upload()
        {
            var file = new ByteArrayContent(WordDocuments.Statement());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            return new MultipartFormDataContent { { file, "file", "forged.docx" }, { new StringContent("1"), "baseRevision" } };
        }

        var refused = await browser.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload());
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, string.Join("\n", host.Failures.All));
        await ProblemAssert.IsProblem(refused, HttpStatusCode.BadRequest, "antiforgery");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.Equal(1, (await ilo.GetPaperAsync(paper.Id)).LatestRevision!.Number);

        // A program with its bearer token needs no page token.
        Assert.Equal(HttpStatusCode.Created, (await ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload())).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_redirect_never_names_the_host_the_client_sent()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/papers");
        request.Headers.Host = "evil.example";
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.ToString());
        Assert.StartsWith("/login?returnUrl=", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}
