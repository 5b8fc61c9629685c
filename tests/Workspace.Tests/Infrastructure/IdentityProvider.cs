using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider for the tests: an OpenIddict server on Kestrel at a free port, with its own
/// SQLite file for clients, the authorization code flow with PKCE, signed id_tokens and discovery. It signs in
/// whoever the test names in <see cref="NextPerson"/> (no login form: the workspace's side is what is tested).
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    public const string ClientId = "workspace";
    public const string ClientSecret = "test-client-secret-0123456789";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-idp-" + Guid.NewGuid().ToString("N"));
    private WebApplication app = null!;

    /// <summary>The person the next authorization request signs in: subject, e-mail, name and the agency claim (if any).</summary>
    public (string Subject, string Email, string Name, string? Agency) NextPerson { get; set; } = ("subject-1", "someone@example.org", "Someone", null);

    /// <summary>Whether the provider says it verified the addresses it sends (<c>email_verified</c>).</summary>
    public bool VerifiesEmail { get; set; } = true;

    /// <summary>Whether the next authorization request is refused (the person cancels, or is not allowed).</summary>
    public bool RefuseNext { get; set; }

    public Uri Authority { get; private set; } = null!;

    public int SignIns { get; private set; }

    /// <summary>The subjects whose session the workspace asked the provider to end (named by a valid id_token_hint).</summary>
    public List<string?> EndedSessions { get; } = [];

    /// <summary>The redirect addresses the workspace gave in its authorization requests.</summary>
    public List<string?> RedirectUris { get; } = [];

    public static async Task<IdentityProvider> StartAsync()
    {
        var provider = new IdentityProvider();
        await provider.RunAsync();
        return provider;
    }

    private async Task RunAsync()
    {
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<DbContext>(options =>
        {
            options.UseSqlite($"Data Source={Path.Combine(folder, "provider.db")}");
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(options =>
            {
                // Pushed authorization requests offered, as certified providers do: the workspace's handler then uses them.
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetPushedAuthorizationEndpointUris("connect/par")
                    .SetEndSessionEndpointUris("connect/endsession");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddAuthentication();
        app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, IResult>)Authorize);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)EndSessionAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = new Uri(address.TrimEnd('/') + "/");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
    }

    /// <summary>Registers the workspace as a client, with the addresses the provider sends people back to.</summary>
    public async Task RegisterClientAsync(Uri workspace)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Inter-Agency Workspace",
            RedirectUris = { new Uri(workspace, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(workspace, "signout-callback-oidc") },
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Authorization,
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.Endpoints.PushedAuthorization,
                OpenIddictConstants.Permissions.Endpoints.EndSession,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
                OpenIddictConstants.Permissions.ResponseTypes.Code,
                OpenIddictConstants.Permissions.Scopes.Email,
                OpenIddictConstants.Permissions.Scopes.Profile,
            },
            Requirements = { OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (RefuseNext)
        {
            RefuseNext = false;
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person declined.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        RedirectUris.Add(request.RedirectUri);
        var person = NextPerson;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Email, person.Email).SetClaim(Claims.Name, person.Name)
            .SetClaim(Claims.EmailVerified, VerifiesEmail);
        if (person.Agency is { } agency)
        {
            identity.SetClaim("agency", agency);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        SignIns++;
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Results.BadRequest();
        }

        // The code carries the principal the authorization endpoint signed in; it becomes the tokens.
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(result.Principal!.Claims, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> EndSessionAsync(HttpContext context)
    {
        // OpenIddict has checked the hint (signed by this provider) and the post-logout address (registered).
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        EndedSessions.Add(hint.Principal?.GetClaim(Claims.Subject));
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the process goes with the temp folder.
        }
    }
}

/// <summary>A workspace that signs people in through <see cref="IdentityProvider"/>, beside passwords unless told otherwise.</summary>
public class SingleSignOnHost : WorkspaceHost
{
    public IdentityProvider IdP { get; private set; } = null!;

    /// <summary>Whether password sign-in stays on beside single sign-on.</summary>
    protected virtual bool PasswordSignIn => true;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("SingleSignOn:Enabled", "true"),
        new("SingleSignOn:DisplayName", "Test ID"),
        new("SingleSignOn:Authority", IdP.Authority.ToString()),
        new("SingleSignOn:ClientId", IdentityProvider.ClientId),
        new("SingleSignOn:ClientSecret", IdentityProvider.ClientSecret),
        new("SingleSignOn:AgencyClaim", "agency"),
        new("SingleSignOn:AgencyMap", "group-iom=IOM,group-ilo=ILO"),
        new("SingleSignOn:RequireHttpsMetadata", "false"),
        new("SingleSignOn:PasswordSignIn", PasswordSignIn ? "true" : "false"),
    ];

    protected override async Task StartingAsync() => IdP = await IdentityProvider.StartAsync();

    protected override Task StartedAsync() => IdP.RegisterClientAsync(RegisteredAddress);

    /// <summary>The workspace's address as registered at the provider.</summary>
    protected virtual Uri RegisteredAddress => BaseAddress;

    protected override async Task DisposedAsync() => await IdP.DisposeAsync();
}

/// <summary>A workspace whose client secret the provider does not know (a wrong or expired one).</summary>
public sealed class WrongSecretSingleSignOnHost : SingleSignOnHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings.Where(s => s.Key != "SingleSignOn:ClientSecret"), new("SingleSignOn:ClientSecret", "expired-secret")];
}

/// <summary>Single sign-on only: passwords are switched off.</summary>
public sealed class SingleSignOnOnlyHost : SingleSignOnHost
{
    protected override bool PasswordSignIn => false;
}

/// <summary>
/// A workspace behind a proxy: people reach it at its public address (Api:PublicUrl, here http://localhost:port),
/// the server sees another host (127.0.0.1:port), and the provider knows only the public one.
/// </summary>
public sealed class PublicAddressSingleSignOnHost : SingleSignOnHost
{
    private int port;

    public Uri PublicAddress => new($"http://localhost:{port}/");

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("urls", $"http://127.0.0.1:{port}"), new("Api:PublicUrl", PublicAddress.ToString())];

    protected override Uri RegisteredAddress => PublicAddress;

    protected override async Task StartingAsync()
    {
        await base.StartingAsync();
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }
}
