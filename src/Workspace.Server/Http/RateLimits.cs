using System.Globalization;
using System.Threading.RateLimiting;

namespace Workspace.Server.Http;

/// <summary>Sign-in attempts are limited per client address; a refusal is a 429 problem with <c>Retry-After</c>.</summary>
public static class RateLimits
{
    public const string Login = "login";

    public static IServiceCollection AddWorkspaceRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.LoginPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(Pipeline.ClientAddress.Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = Problems.Problem(429, "rate-limited", "Too many requests",
                        $"Too many sign-in attempts from this address. Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds."),
                });
            };
        });
        return services;
    }
}
