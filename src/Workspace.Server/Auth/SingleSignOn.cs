using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Workspace.Server.Auth;

/// <summary>
/// Sign-in through the organization's identity provider. The provider's answer lands in Identity's external
/// cookie; <c>/login/sso/done</c> then sends <see cref="Features.Auth.SignInWithProvider"/> through the pipeline,
/// which finds or creates the person, and signs them in with a session of the workspace like any other.
/// </summary>
public static partial class SingleSignOn
{
    public const string Scheme = "oidc";

    internal static void Configure(OpenIdConnectOptions options, SingleSignOnOptions sso)
    {
        // The handshake runs on the wall clock, as the provider's tokens and the browser's cookies do.
        options.TimeProvider = TimeProvider.System;
        options.Authority = sso.Authority;
        options.ClientId = sso.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.RequireHttpsMetadata = sso.RequireHttpsMetadata;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.CallbackPath = "/signin-oidc";
        // The provider's claim names as they are ("sub", "email", the agency claim), not Microsoft's long ones.
        options.MapInboundClaims = false;
        // The id_token is kept (in the external cookie, then the session's) for one use: the hint that lets the
        // provider end its own session when the person signs out here.
        options.SaveTokens = true;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        foreach (var scope in sso.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options.Scope.Add(scope);
        }

        // The provider posts its answer back (form_post): across sites in production, so the correlation and nonce
        // cookies are SameSite=None, which browsers take only with Secure. A provider on plain HTTP (a test
        // machine) is on the same site: Lax, without Secure.
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SecurePolicy = sso.RequireHttpsMetadata ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.SameSite = sso.RequireHttpsMetadata ? SameSiteMode.None : SameSiteMode.Lax;
        }

        options.Events.OnTokenValidated = context =>
        {
            // Marked as the provider's answer: it stands for no one until it becomes a session of the workspace.
            (context.Principal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(WorkspaceClaims.ProviderAnswer, "true"));
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            // Behind a proxy the request's host and scheme are not the address people use: the one registered at the
            // provider comes from Api:PublicUrl, never from the Host header.
            if (PublicAddress(context.HttpContext) is { } at)
            {
                context.ProtocolMessage.RedirectUri = new Uri(at, context.Options.CallbackPath.Value!.TrimStart('/')).ToString();
            }

            return Task.CompletedTask;
        };
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            if (PublicAddress(context.HttpContext) is { } at)
            {
                context.ProtocolMessage.PostLogoutRedirectUri = new Uri(at, context.Options.SignedOutCallbackPath.Value!.TrimStart('/')).ToString();
            }

            context.ProtocolMessage.IdTokenHint = context.Properties.GetParameter<string>(IdTokenHint);
            return Task.CompletedTask;
        };
        options.Events.OnAccessDenied = context =>
        {
            // The person declined, or the provider does not let them use the workspace.
            context.Response.Redirect("/login?sso=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            // The provider refused, or its answer did not validate: back to the sign-in page, which says so.
            context.Response.Redirect("/login?sso=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    public static void MapSingleSignOn(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.Enabled)
        {
            return;
        }

        app.MapGet("/login/sso", async (string? returnUrl, HttpContext http, ILoggerFactory logs) =>
            {
                try
                {
                    // The challenge talks to the provider before the browser leaves (discovery, a pushed authorization
                    // request): whatever goes wrong there sends the person back to the sign-in page with a reason.
                    await http.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = "/login/sso/done?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)) });
                }
                catch (Exception e) when (e is OpenIdConnectProtocolException or InvalidOperationException or HttpRequestException or IOException)
                {
                    Unavailable(logs.CreateLogger(typeof(SingleSignOn)), e.Message);
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
                    principal = await mediator.Send(new Features.Auth.SignInWithProvider.Command(
                        Claim("iss") ?? sso.Value.Authority, Claim("sub", ClaimTypes.NameIdentifier) ?? "", email ?? "", Claim("name", ClaimTypes.Name) ?? email ?? "", agencyValues,
                        EmailVerified: string.Equals(Claim("email_verified"), "true", StringComparison.OrdinalIgnoreCase)), ct);
                }
                catch (Exception e) when (e is ValidationException or RuleBrokenException)
                {
                    Refused(logs.CreateLogger(typeof(SingleSignOn)), e.Message);
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
                    endSession = (await oidc.Get(Scheme).ConfigurationManager!.GetConfigurationAsync(ct)).EndSessionEndpoint;
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
                {
                    Unavailable(logs.CreateLogger(typeof(SingleSignOn)), e.Message);
                    return Results.LocalRedirect("/login?sso=unavailable");
                }

                if (string.IsNullOrEmpty(endSession))
                {
                    return Results.LocalRedirect("/login?sso=no-end-session");
                }

                var properties = new AuthenticationProperties { RedirectUri = "/login?signedout=everywhere" };
                properties.SetParameter(IdTokenHint, hint);
                await http.SignOutAsync(Scheme, properties);
                return Results.Empty;
            })
            .ExcludeFromDescription();
    }

    private const string IdTokenHint = "id_token_hint";

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

    /// <summary>The configured public address (Api:PublicUrl), if any.</summary>
    private static Uri? PublicAddress(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PublicUrl is { Length: > 0 } configured
        && Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var at) ? at : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on: the provider could not be asked: {Reason}")]
    private static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on: the provider's answer was refused: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);

    /// <summary>Only an address on this server: never a redirect elsewhere.</summary>
    private static string LocalOrHome(string? url) =>
        url is { } u && Uri.IsWellFormedUriString(u, UriKind.Relative) && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/";
}
