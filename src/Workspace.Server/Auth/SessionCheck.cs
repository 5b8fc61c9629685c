namespace Workspace.Server.Auth;

/// <summary>
/// After authentication: a token whose session has ended (signed out, refresh token reused, password
/// changed) or whose person's security stamp changed stands for no one, so the request goes on anonymous
/// and every rule downstream answers as to a stranger (401). Every way of signing in starts a session
/// (<see cref="Sessions.StartAsync"/>), so every principal carries one.
/// </summary>
public static class SessionCheck
{
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !await context.RequestServices.GetRequiredService<Sessions>().IsLiveAsync(context.User, context.RequestAborted))
            {
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }

            await next(context);
        });
}
