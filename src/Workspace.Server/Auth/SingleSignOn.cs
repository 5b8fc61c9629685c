using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
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
        options.SaveTokens = false;
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
                await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
                return Results.Redirect(LocalOrHome(returnUrl));
            })
            .ExcludeFromDescription();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on: the provider could not be asked: {Reason}")]
    private static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on: the provider's answer was refused: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);

    /// <summary>Only an address on this server: never a redirect elsewhere.</summary>
    private static string LocalOrHome(string? url) =>
        url is { } u && Uri.IsWellFormedUriString(u, UriKind.Relative) && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/";
}
