namespace Workspace.Server.Http;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer (addresses such as a calendar feed's carry
/// secrets), never framed by another site, a content security policy (the API answers no active content;
/// the pages the server renders load only what it serves itself), and HSTS outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Pages rendered by the server (API reference, jobs dashboard, later the web UI).</summary>
    public const string PagePolicy =
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
                headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    ? PagePolicy
                    : ApiPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
