using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Membership;

/// <summary>
/// Sign-in through a real OpenID Connect provider (an OpenIddict server the tests run): the authorization code
/// flow with PKCE, the provider's form_post answer, the workspace's session cookie; agencies from the
/// provider's claim through the mapping, or set by the secretariat.
/// </summary>
public sealed partial class SingleSignOnTests(SingleSignOnHost host) : IClassFixture<SingleSignOnHost>
{
    /// <summary>A browser's round trip, by hand: to the provider, its auto-posting form back, and the workspace's redirects.</summary>
    internal static async Task<(CookieBrowser Browser, HttpResponseMessage Landed)> SignInAsync(WorkspaceHost workspace, IdentityProvider provider,
        (string Subject, string Email, string Name, string? Agency) person, CookieBrowser? browser = null)
    {
        provider.NextPerson = person;
        browser ??= new CookieBrowser(workspace.BaseAddress);
        var atProvider = await browser.GetAsync("/login/sso?returnUrl=%2Fsettings");
        var page = await atProvider.Content.ReadAsStringAsync();
        if (atProvider.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/login", StringComparison.Ordinal))
        {
            return (browser, atProvider);
        }

        var action = FormAction().Match(page);
        Assert.True(action.Success, $"The provider answered no form to post back:\n{page}");
        var fields = HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var landed = await browser.PostAsync(WebUtility.HtmlDecode(action.Groups["action"].Value), new FormUrlEncodedContent(fields));
        return (browser, landed);
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();

    private async Task<RegisterFocalPointView?> PersonAsync(string email)
    {
        var people = await (await host.ClientFor(WorkspaceHost.Secretariat)).Http.GetFromJsonAsync<List<RegisterFocalPointView>>("/api/people", WorkspaceClient.Json);
        return people!.SingleOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
    }

    private sealed record RegisterFocalPointView(string Email, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles);

    [Fact]
    public async Task A_new_person_signs_in_through_the_provider_and_acts_for_the_agency_its_claim_maps_to()
    {
        var (browser, landed) = await SignInAsync(host, host.IdP, ("sub-iom-1", "amal@iom.example", "Amal Haddad", "group-iom"));

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/settings", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await landed.Content.ReadAsStringAsync();
        Assert.Contains("IOM", page, StringComparison.Ordinal);
        Assert.Contains("Amal Haddad", page, StringComparison.Ordinal);
        var person = await PersonAsync("amal@iom.example");
        Assert.Equal(("IOM", "FocalPoint"), (person!.AgencyCode, Assert.Single(person.Roles)));
        Assert.Equal(1, host.IdP.SignIns);

        // The provider's subject, not the address, is who they are: a changed address signs the same person in.
        var (_, again) = await SignInAsync(host, host.IdP, ("sub-iom-1", "amal.haddad@iom.example", "Amal Haddad", "group-iom"));
        Assert.Contains("Amal Haddad", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PersonAsync("amal.haddad@iom.example"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_person_the_claim_names_no_agency_for_waits_until_the_secretariat_sets_it_then_signs_in_again_for_it()
    {
        var (browser, landed) = await SignInAsync(host, host.IdP, ("sub-new-2", "lena@ngo.example", "Lena Novak", null));

        var home = await browser.GetStringAsync("/");
        Assert.Contains("Your account waits for the secretariat to set your agency", home, StringComparison.Ordinal);
        Assert.Equal("", (await PersonAsync("lena@ngo.example"))!.AgencyCode);
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        Assert.Contains(await secretariat.ListNotificationsAsync(), n => n.Kind == "person-awaiting-agency" && n.Text.Contains("lena@ngo.example", StringComparison.Ordinal));

        var unknown = await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/people/lena@ngo.example/agency", new { agencyCode = "NOPE" }), HttpStatusCode.BadRequest);
        Assert.Contains("agencyCode", ProblemAssert.ErrorFields(unknown));
        var focal = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(focal.Http.PutAsJsonAsync("/api/people/lena@ngo.example/agency", new { agencyCode = "IOM" }), HttpStatusCode.Forbidden);
        var set = await secretariat.Http.PutAsJsonAsync("/api/people/lena@ngo.example/agency", new { agencyCode = "UNICEF" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/people/lena@ngo.example/agency", new { agencyCode = "IOM" }), HttpStatusCode.Conflict, "has-agency");

        // Her session ended with the change: the next page asks her to sign in, and she comes back as UNICEF's.
        var after = await browser.GetAsync("/");
        Assert.Equal("/login", after.RequestMessage!.RequestUri!.AbsolutePath);
        var (_, back) = await SignInAsync(host, host.IdP, ("sub-new-2", "lena@ngo.example", "Lena Novak", null), browser);
        Assert.Contains("UNICEF", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("UNICEF", "FocalPoint"), ((await PersonAsync("lena@ngo.example"))!.AgencyCode, Assert.Single((await PersonAsync("lena@ngo.example"))!.Roles)));
        browser.Dispose();
    }

    [Fact]
    public async Task A_person_the_secretariat_registered_is_linked_on_the_first_sign_in_through_the_provider()
    {
        var (browser, landed) = await SignInAsync(host, host.IdP, ("sub-unicef-3", WorkspaceHost.FocalPoint("UNICEF"), "UNICEF focal point", null));

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Contains("UNICEF", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("UNICEF", (await PersonAsync(WorkspaceHost.FocalPoint("UNICEF")))!.AgencyCode);
        // The password still works beside it.
        Assert.Equal("UNICEF", (await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).GetMeAsync()).AgencyCode);
        browser.Dispose();
    }

    [Fact]
    public async Task A_refusal_at_the_provider_lands_on_the_sign_in_page_which_says_so()
    {
        host.IdP.RefuseNext = true;
        var (browser, landed) = await SignInAsync(host, host.IdP, ("sub-refused-4", "refused@iom.example", "Refused", "group-iom"));

        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("did not succeed", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PersonAsync("refused@iom.example"));
        browser.Dispose();
    }

    [Fact]
    public async Task Signing_out_offers_to_end_the_providers_session_too_and_the_provider_is_told_whose()
    {
        var (browser, _) = await SignInAsync(host, host.IdP, ("sub-ilo-6", "kofi@ilo.example", "Kofi Mensah", "group-ilo"));

        var signedOut = await SignOutAsync(browser);
        Assert.Equal("/login", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        var page = WebUtility.HtmlDecode(await signedOut.Content.ReadAsStringAsync());
        Assert.Contains("You are signed out of the workspace. You may still be signed in at Test ID", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/logout/provider\"", page, StringComparison.Ordinal);
        Assert.Equal("/login", (await browser.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);

        var everywhere = await browser.GetAsync("/logout/provider");
        Assert.Equal("/login", everywhere.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You are signed out of the workspace and of Test ID.", WebUtility.HtmlDecode(await everywhere.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, host.IdP.EndedSessions.Count(s => s == "sub-ilo-6"));

        // The offer is good once: the link again only shows the sign-in page, and the provider is not asked again.
        var again = await browser.GetAsync("/logout/provider");
        Assert.DoesNotContain("You are signed out", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, host.IdP.EndedSessions.Count(s => s == "sub-ilo-6"));
        browser.Dispose();
    }

    [Fact]
    public async Task Signing_out_of_a_password_session_makes_no_offer_about_the_provider()
    {
        using var browser = new CookieBrowser(host.BaseAddress);
        var login = await browser.GetStringAsync("/login");
        var form = Regex.Match(login, "<form method=\"post\"[^>]*>(?<inner>.*?)</form>", RegexOptions.Singleline).Groups["inner"].Value;
        var fields = HiddenField().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = WorkspaceHost.FocalPoint("OHCHR");
        fields["Input.Password"] = WorkspaceHost.Password;
        var home = await browser.PostAsync("/login", new FormUrlEncodedContent(fields));
        Assert.Contains("OHCHR", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedOut = await SignOutAsync(browser);
        Assert.Equal("/login", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("/logout/provider", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("You are signed out", WebUtility.HtmlDecode(await signedOut.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>The header's sign-out button, as a browser posts it (with the page's antiforgery token).</summary>
    internal static async Task<HttpResponseMessage> SignOutAsync(CookieBrowser browser)
    {
        var page = await browser.GetStringAsync("/");
        var form = Regex.Match(page, "<form method=\"post\" action=\"/logout\"[^>]*>(?<inner>.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "The page has no sign-out button.");
        var fields = HiddenField().Matches(form.Groups["inner"].Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return await browser.PostAsync("/logout", new FormUrlEncodedContent(fields));
    }
}

/// <summary>Behind a proxy: the addresses the provider is given come from Api:PublicUrl, never from the request's host.</summary>
public sealed class SingleSignOnBehindProxyTests(PublicAddressSingleSignOnHost host) : IClassFixture<PublicAddressSingleSignOnHost>
{
    [Fact]
    public async Task The_provider_is_given_the_public_address_and_the_sign_in_completes_through_it()
    {
        using var browser = new CookieBrowser(host.BaseAddress);
        host.IdP.NextPerson = ("sub-proxy-1", "nadia@iom.example", "Nadia Rahman", "group-iom");
        var atProvider = await browser.GetAsync("/login/sso?returnUrl=%2Fsettings");
        var page = await atProvider.Content.ReadAsStringAsync();

        Assert.Equal(new Uri(host.PublicAddress, "signin-oidc").ToString(), Assert.Single(host.IdP.RedirectUris));
        var action = new Uri(WebUtility.HtmlDecode(Regex.Match(page, "<form[^>]*action=\"(?<action>[^\"]+)\"").Groups["action"].Value));
        Assert.Equal(new Uri(host.PublicAddress, "signin-oidc"), action);

        // The proxy delivers the public address's request to the server: the code is redeemed with the same address.
        var fields = Regex.Matches(page, "<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var landed = await browser.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.Equal("/settings", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Nadia Rahman", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>What goes wrong with single sign-on lands on the sign-in page with a reason, or refuses the start; never a 500.</summary>
public sealed class SingleSignOnFailureTests(WrongSecretSingleSignOnHost host) : IClassFixture<WrongSecretSingleSignOnHost>
{
    [Fact]
    public async Task A_provider_that_refuses_the_workspaces_pushed_request_lands_on_the_sign_in_page_with_a_reason()
    {
        using var browser = new CookieBrowser(host.BaseAddress);
        var landed = await browser.GetAsync("/login/sso?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("cannot be reached or refused the workspace", WebUtility.HtmlDecode(await landed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, host.IdP.SignIns);
        Assert.Empty(host.Failures.All);
    }

    [Fact]
    public async Task An_address_the_provider_has_not_verified_does_not_stand_for_the_person_registered_with_it()
    {
        var provider = new SingleSignOnHostWithUnverifiedMail();
        await provider.InitializeAsync();
        try
        {
            var (browser, landed) = await SingleSignOnTests.SignInAsync(provider, provider.IdP, ("sub-impostor", WorkspaceHost.FocalPoint("UNHCR"), "Impostor", null));

            Assert.Equal("/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("has not verified your e-mail address", WebUtility.HtmlDecode(await landed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal("/login", (await browser.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
            browser.Dispose();
        }
        finally
        {
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_plain_http_provider_without_saying_so_refuses_the_start_naming_the_setting()
    {
        var bad = new PlainHttpSingleSignOnHost();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(bad.InitializeAsync);
        Assert.Contains("SingleSignOn:RequireHttpsMetadata", refused.Message, StringComparison.Ordinal);
        await bad.IdP.DisposeAsync();
    }

    private sealed class SingleSignOnHostWithUnverifiedMail : SingleSignOnHost
    {
        protected override async Task StartedAsync()
        {
            await base.StartedAsync();
            IdP.VerifiesEmail = false;
        }
    }

    private sealed class PlainHttpSingleSignOnHost : SingleSignOnHost
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [.. base.Settings.Where(s => s.Key != "SingleSignOn:RequireHttpsMetadata")];
    }
}

/// <summary>A deployment that switched passwords off: only the provider signs people in.</summary>
public sealed class PasswordsOffTests(SingleSignOnOnlyHost host) : IClassFixture<SingleSignOnOnlyHost>
{
    [Fact]
    public async Task Password_sign_in_is_refused_and_the_sign_in_page_offers_the_provider_only()
    {
        using var anonymous = host.Anonymous();
        var refused = await ProblemAssert.IsProblem(anonymous.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.Secretariat, password = WorkspaceHost.Password }),
            HttpStatusCode.Forbidden);
        Assert.Contains("Test ID", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var login = await anonymous.GetStringAsync("/login");
        Assert.Contains("Sign in with Test ID", login, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", login, StringComparison.Ordinal);

        var (browser, landed) = await SingleSignOnTests.SignInAsync(host, host.IdP, ("sub-sec-5", WorkspaceHost.Secretariat, "Secretariat", null));
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Contains("UNODC", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        browser.Dispose();
    }
}

/// <summary>
/// What a browser does with cookies and redirects, in the small: cookies kept per host whatever their path
/// (.NET's CookieContainer refuses a cookie whose path is not the request's, as the sign-in's correlation
/// cookie for /signin-oidc is), sent back to that host, redirects followed.
/// </summary>
public sealed class CookieBrowser(Uri start) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Dictionary<string, Dictionary<string, string>> cookies = new(StringComparer.OrdinalIgnoreCase);

    public Task<HttpResponseMessage> GetAsync(string address) => SendAsync(HttpMethod.Get, new Uri(start, address), null);

    public Task<HttpResponseMessage> PostAsync(string address, HttpContent content) => SendAsync(HttpMethod.Post, new Uri(start, address), content);

    public async Task<string> GetStringAsync(string address) => await (await GetAsync(address)).Content.ReadAsStringAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri address, HttpContent? content)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            using var request = new HttpRequestMessage(method, address) { Content = content };
            request.Headers.Accept.ParseAdd("text/html");
            if (cookies.TryGetValue(address.Host, out var jar) && jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await http.SendAsync(request);
            Keep(address.Host, response);
            if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is not { } next)
            {
                response.RequestMessage = new HttpRequestMessage(method, address);
                return response;
            }

            address = new Uri(address, next);
            (method, content) = (HttpMethod.Get, null);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    private void Keep(string host, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        var jar = cookies.TryGetValue(host, out var kept) ? kept : cookies[host] = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in values)
        {
            var pair = header.Split(';')[0].Split('=', 2);
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (expired || pair[1].Length == 0)
            {
                jar.Remove(pair[0]);
            }
            else
            {
                jar[pair[0]] = pair[1];
            }
        }
    }

    public void Dispose() => http.Dispose();
}
