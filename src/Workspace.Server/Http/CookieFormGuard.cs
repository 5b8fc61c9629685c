using Microsoft.AspNetCore.Antiforgery;

namespace Workspace.Server.Http;

/// <summary>
/// A form or multipart post to the API that is signed in by the page cookie, not by a bearer token, must carry the
/// antiforgery token the workspace's own pages carry: a page on another site (a sibling subdomain, for which
/// SameSite=Lax still sends the cookie) cannot make a signed-in browser post a file or a form. JSON posts need no
/// token: a browser sends them cross-site only after a preflight the server does not grant. The jobs dashboard checks
/// its own forms.
/// </summary>
public static class CookieFormGuard
{
    public static IApplicationBuilder UseCookieFormGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && request.HasFormContentType && request.Headers.Authorization.Count == 0 && context.User.Identity?.IsAuthenticated == true
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            // Written as problem JSON whatever the browser accepts.
            await TypedResults.Problem(Problems.Problem(400, "antiforgery", "Form not sent from the workspace",
                "A form signed in by the workspace's cookie must come from the workspace's own page. Programs sign in with a bearer token.")).ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
