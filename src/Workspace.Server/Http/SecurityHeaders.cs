namespace Workspace.Server.Http;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer (addresses such as a calendar feed's carry
/// secrets), never framed by another site, a content security policy (the API answers no active content;
/// the pages the server renders load only what it serves itself), and HSTS outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Where the jobs dashboard is served (a tool with scripts of its own, as the API reference).</summary>
    public const string JobsDashboardPath = "/hangfire";

    /// <summary>
    /// The web UI's pages: scripts only from the server's own files (blazor.web.js, app.js, the Fluent components), never
    /// inline, so that markup slipped past the sanitizer into a page cannot run.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The two pages of others' making, which write inline scripts: the API reference (Scalar, over the server's own
    /// OpenAPI text) and the secretariat's jobs dashboard (Hangfire). Neither shows text people wrote in pages.
    /// </summary>
    public const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>JSON, calendars, feeds: nothing to run, nothing to frame.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true ? ApiPolicy
                    : context.Request.Path.StartsWithSegments(ApiReference.Path) || context.Request.Path.StartsWithSegments(JobsDashboardPath) ? ToolPolicy
                    : PagePolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
