using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Workspace.Server.Auth;

/// <summary>
/// Sign-in through the organization's identity provider: the OpenID Connect handler's settings. The pages that
/// take a person there and back are the Auth area's (<c>Features/Auth/SingleSignOnPages.cs</c>).
/// </summary>
public static class SingleSignOn
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

    /// <summary>The parameter that carries the session's id_token to the provider's end-session endpoint.</summary>
    public const string IdTokenHint = "id_token_hint";

    /// <summary>The configured public address (Api:PublicUrl), if any.</summary>
    private static Uri? PublicAddress(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PublicUrl is { Length: > 0 } configured
        && Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var at) ? at : null;
}
