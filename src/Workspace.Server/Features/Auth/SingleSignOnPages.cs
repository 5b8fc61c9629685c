using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Workspace.Server.Auth;

namespace Workspace.Server.Features.Auth;

/// <summary>
/// The pages' way through the identity provider: <c>/login/sso</c> sends the person there; its answer lands in
/// Identity's external cookie and <c>/login/sso/done</c> sends <see cref="SignInWithProvider"/> through the
/// pipeline, which finds or creates the person, and signs them in with a session of the workspace like any
/// other; after a sign-out here, <c>/logout/provider</c> ends the provider's session too.
/// </summary>
public static partial class SingleSignOnPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.Enabled)
        {
            return;
        }

        app.MapGet("/login/sso", async (string? returnUrl, HttpContext http, ILoggerFactory logs) =>
            {
                try
                {
                    // The challenge talks to the provider before the browser leaves (discovery, a pushed authorization
                    // request): whatever goes wrong there sends the person back to the sign-in page with a reason.
                    await http.ChallengeAsync(SingleSignOn.Scheme, new AuthenticationProperties { RedirectUri = "/login/sso/done?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)) });
                }
                catch (Exception e) when (e is OpenIdConnectProtocolException or InvalidOperationException or HttpRequestException or IOException)
                {
                    Unavailable(logs.CreateLogger(typeof(SingleSignOnPages)), e.Message);
                    http.Response.Redirect("/login?sso=unavailable");
                }
            })
            .ExcludeFromDescription();
        app.MapGet("/login/sso/done", async (string? returnUrl, HttpContext http, IMediator mediator, IOptions<SingleSignOnOptions> sso, ILoggerFactory logs, CancellationToken ct) =>
            {
                var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
                if (!external.Succeeded || external.Principal is not { } provided || !provided.HasClaim(WorkspaceClaims.ProviderAnswer, "true"))
                {
                    return Results.Redirect("/login?sso=failed");
                }

                var claims = provided.Claims.ToList();
                string? Claim(params string[] types) => types.Select(t => claims.FirstOrDefault(c => c.Type == t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
                var email = Claim("email", ClaimTypes.Email, "preferred_username", "upn");
                var agencyValues = string.IsNullOrEmpty(sso.Value.AgencyClaim) ? [] : claims.Where(c => c.Type == sso.Value.AgencyClaim).Select(c => c.Value).ToList();
                ClaimsPrincipal principal;
                try
                {
                    principal = await mediator.Send(new SignInWithProvider.Command(
                        Claim("iss") ?? sso.Value.Authority, Claim("sub", ClaimTypes.NameIdentifier) ?? "", email ?? "", Claim("name", ClaimTypes.Name) ?? email ?? "", agencyValues,
                        EmailVerified: string.Equals(Claim("email_verified"), "true", StringComparison.OrdinalIgnoreCase)), ct);
                }
                catch (Exception e) when (e is ValidationException or RuleBrokenException)
                {
                    Refused(logs.CreateLogger(typeof(SingleSignOnPages)), e.Message);
                    await http.SignOutAsync(IdentityConstants.ExternalScheme);
                    return Results.Redirect(e is RuleBrokenException { Code: "unverified-email" } ? "/login?sso=unverified" : "/login?sso=refused");
                }

                await http.SignOutAsync(IdentityConstants.ExternalScheme);
                var session = new AuthenticationProperties();
                if (external.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken) is { } idToken)
                {
                    session.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                }

                await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, session);
                return Results.Redirect(LocalOrHome(returnUrl));
            })
            .ExcludeFromDescription();
        app.MapGet("/logout/provider", async (HttpContext http, IOptionsMonitor<OpenIdConnectOptions> oidc, ILoggerFactory logs, CancellationToken ct) =>
            {
                // The link the sign-in page offers after a sign-out here: the provider's session ends too, so that
                // "Sign in with …" asks again instead of signing the person straight back in.
                var hint = TakeProviderSignOut(http);
                if (hint is null)
                {
                    return Results.LocalRedirect("/login");
                }

                string? endSession;
                try
                {
                    endSession = (await oidc.Get(SingleSignOn.Scheme).ConfigurationManager!.GetConfigurationAsync(ct)).EndSessionEndpoint;
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
                {
                    Unavailable(logs.CreateLogger(typeof(SingleSignOnPages)), e.Message);
                    return Results.LocalRedirect("/login?sso=unavailable");
                }

                if (string.IsNullOrEmpty(endSession))
                {
                    return Results.LocalRedirect("/login?sso=no-end-session");
                }

                var properties = new AuthenticationProperties { RedirectUri = "/login?signedout=everywhere" };
                properties.SetParameter(SingleSignOn.IdTokenHint, hint);
                await http.SignOutAsync(SingleSignOn.Scheme, properties);
                return Results.Empty;
            })
            .ExcludeFromDescription();
    }

    private const string ProviderSignOutCookie = "workspace.provider-sign-out";

    private static readonly TimeSpan ProviderSignOutValidity = TimeSpan.FromMinutes(15);

    /// <summary>
    /// After a sign-out here, whether the session came through the provider: then its id_token is kept, sealed, in a
    /// short-lived cookie only <c>/logout/provider</c> receives, and the sign-in page offers to end the provider's
    /// session as well.
    /// </summary>
    public static async Task<bool> RememberProviderSignOutAsync(HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.Enabled
            || await http.GetTokenAsync(IdentityConstants.ApplicationScheme, OpenIdConnectParameterNames.IdToken) is not { Length: > 0 } idToken)
        {
            return false;
        }

        http.Response.Cookies.Append(ProviderSignOutCookie, Sealer(http).Protect(idToken, ProviderSignOutValidity), new CookieOptions
        {
            Path = "/logout",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = ProviderSignOutValidity,
        });
        return true;
    }

    private static string? TakeProviderSignOut(HttpContext http)
    {
        if (http.Request.Cookies[ProviderSignOutCookie] is not { Length: > 0 } sealedHint)
        {
            return null;
        }

        http.Response.Cookies.Delete(ProviderSignOutCookie, new CookieOptions { Path = "/logout" });
        try
        {
            return Sealer(http).Unprotect(sealedHint);
        }
        catch (CryptographicException)
        {
            // Expired, or not ours.
            return null;
        }
    }

    private static ITimeLimitedDataProtector Sealer(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Workspace.SingleSignOn.ProviderSignOut").ToTimeLimitedDataProtector();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on: the provider could not be asked: {Reason}")]
    private static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on: the provider's answer was refused: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);

    /// <summary>Only an address on this server: never a redirect elsewhere.</summary>
    private static string LocalOrHome(string? url) =>
        url is { } u && Uri.IsWellFormedUriString(u, UriKind.Relative) && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/";
}
