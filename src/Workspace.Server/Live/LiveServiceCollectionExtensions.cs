using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Data;
using Workspace.Server.Http;

namespace Workspace.Server.Live;

public static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddWorkspaceLive(this IServiceCollection services)
    {
        services.AddSignalR(options => options.AddFilter<Auth.HubCallerFilter>());
        services.AddSingleton<LogSignal>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<EventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<EventRelay>());
        return services;
    }

    /// <summary>The hub, refusing pages of origins that are neither this server's nor configured.</summary>
    public static void MapWorkspaceLive(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Auth.AuthServiceCollectionExtensions.HubPathPrefix), hub => hub.Use(async (context, next) =>
        {
            if (stopping.IsCancellationRequested)
            {
                // Open connections were just closed for the shutdown; a client reconnecting at once must go
                // elsewhere or come back, not hold this server open until its shutdown times out.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "2";
                return;
            }

            if (!OriginAllowed(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = Problems.Problem(403, "origin-not-allowed", "Origin not allowed",
                        $"Pages from {context.Request.Headers.Origin} may not open the live channel of this server."),
                });
                return;
            }

            await next(context);
        }));
        app.MapHub<WorkspaceHub>(WorkspaceHub.Path, options => options.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling)
            .RequireAuthorization();
    }

    /// <summary>No Origin (a non-browser client), the server's own origin, or one of <see cref="LiveOptions.AllowedOrigins"/>.</summary>
    internal static bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var own = string.Equals(uri.Scheme, context.Request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        var allowed = context.RequestServices.GetRequiredService<IOptions<LiveOptions>>().Value.AllowedOrigins
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return own || allowed.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
