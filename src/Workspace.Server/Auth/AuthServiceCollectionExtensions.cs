using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Data;

namespace Workspace.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string HubPathPrefix = "/hubs";

    private const string PagesOrApi = "PagesOrApi";

    /// <summary>
    /// ASP.NET Core Identity on the workspace database: bearer tokens for the API and the hub (a WebSocket
    /// sends its token as <c>access_token</c>), cookies for the web UI, lockout after repeated failures.
    /// </summary>
    internal static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(HubPathPrefix) || request.Path.StartsWithSegments("/hangfire");

    public static IServiceCollection AddWorkspaceAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var access = configuration.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions();

        services.AddIdentityApiEndpoints<Person>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                // Failures are throttled per address and client (SignInThrottle), never by locking the account:
                // a lock is a switch anyone who knows an address could pull.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<WorkspaceDb>()
            .AddClaimsPrincipalFactory<PersonClaimsFactory>();

        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromMinutes(access.AccessTokenMinutes);
            options.RefreshTokenExpiration = TimeSpan.FromDays(access.RefreshTokenDays);
            options.Events.OnMessageReceived = context =>
            {
                // Browsers cannot set headers on a WebSocket: the hub takes the token from the query string.
                if (context.Request.Path.StartsWithSegments(HubPathPrefix)
                    && context.Request.Query.TryGetValue("access_token", out var token) && token.Count == 1)
                {
                    context.Token = token.ToString();
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            // Pages send people to the sign-in page; the API and the hub answer 401 and 403 instead.
            options.LoginPath = "/login";
            options.ReturnUrlParameter = "returnUrl";
            options.Cookie.Name = "workspace";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Outside Development the cookie travels over HTTPS only, also behind a proxy that speaks HTTP to the server
            // (browsers treat http://localhost as secure, so a server tried on its own machine still signs in).
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromDays(access.RefreshTokenDays);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    // Relative: the Host header is the client's to choose, so it never goes into an address the server gives.
                    context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // A cookie's principal is rebuilt when its security stamp is checked: it keeps its session.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            foreach (var type in new[] { SessionClaims.SessionId, SessionClaims.RefreshId })
            {
                if (context.CurrentPrincipal?.FindFirst(type) is { } claim && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(type, claim.Value));
                }
            }

            return Task.CompletedTask;
        });

        services.AddAuthentication(options => options.DefaultChallengeScheme = PagesOrApi)
            // Sign-in is asked for as each front end asks: pages redirect to /login, the API and the hub answer 401.
            .AddPolicyScheme(PagesOrApi, null, options => options.ForwardDefaultSelector = context =>
                IsApi(context.Request) || context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
        var sso = configuration.GetSection("SingleSignOn").Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (sso.Enabled)
        {
            services.AddAuthentication().AddOpenIdConnect(SingleSignOn.Scheme, sso.DisplayName, options => SingleSignOn.Configure(options, sso));
        }

        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddScoped<ConnectionUser>();
        services.AddScoped<MailLinkUser>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CoChairs>();
        services.AddScoped<Alternates>();
        services.AddScoped<Sessions>();
        services.AddSingleton<SessionEnds>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, SessionCheck>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ChallengeNoOne>();
        services.AddSingleton<SignInThrottle>();
        return services;
    }
}
