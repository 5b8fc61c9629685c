using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Workspace.Server.Components.Circuits;

namespace Workspace.Server.Components;

public static class UiServiceCollectionExtensions
{
    public const string CultureCookie = ".workspace.culture";

    /// <summary>
    /// The web UI: Razor components rendered on the server (static pages, live islands over a circuit), in
    /// English and French, sending the same requests as the API (<see cref="PageSender"/>) and receiving the
    /// same events as the hub (<see cref="PageFeed"/>).
    /// </summary>
    public static IServiceCollection AddWorkspaceUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddScoped<PageSender>();
        services.AddScoped<PageFeed>();
        services.AddScoped<Announcer>();
        services.AddScoped<Viewer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Locale.Languages.Offered[0]).AddSupportedCultures([.. Locale.Languages.Offered]).AddSupportedUICultures([.. Locale.Languages.Offered]);
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Pages in the reader's language: <c>?culture=fr</c> once, then remembered in a cookie (and in the profile from the settings page).</summary>
    public static void UseWorkspaceCulture(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (context.Request.Query.TryGetValue("culture", out var asked) && Locale.Languages.Offered.Contains(asked.ToString()))
            {
                RememberCulture(context, asked.ToString());
            }

            return next(context);
        });
    }

    public static void RememberCulture(HttpContext context, string culture) =>
        context.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });

    /// <summary>A browser asking for a page that is not there, or not for it, is shown a page saying so; the API keeps its problem details.</summary>
    public static void UseWorkspaceStatusPages(this WebApplication app) =>
        app.UseWhen(
            context => !Auth.AuthServiceCollectionExtensions.IsApi(context.Request) && !context.Request.Path.StartsWithSegments("/_blazor")
                && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

    public static void MapWorkspaceUi(this WebApplication app)
    {
        // While the server stops, a page reconnecting its circuit is told to come back later instead of opening a
        // connection the shutdown would then wait for; it reconnects to the next server and reloads what it shows.
        var stopping = app.Lifetime.ApplicationStopping;
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/_blazor") && stopping.IsCancellationRequested, gate => gate.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "2";
            return Task.CompletedTask;
        }));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
