using Workspace.Server.Auth;

namespace Workspace.Server.Pipeline;

/// <summary>
/// How many commands one person (or, signed out, one client) may send a minute, by the injected clock, on this node:
/// <see cref="ApiOptions.WritesPerMinute"/>. The API, the pages and the hub send the same commands, so one limit holds
/// for all; the server's own work (jobs, start-up) is not counted.
/// </summary>
public sealed class WriteRate(TimeProvider clock, IOptions<ApiOptions> options)
{
    private readonly WindowCounter counter = new(clock, TimeSpan.FromMinutes(1));

    /// <summary>Takes a place for one command of <paramref name="who"/>, or says when one frees up.</summary>
    public bool TryTake(string who, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return options.Value.WritesPerMinute == 0 || counter.TryTake(who, options.Value.WritesPerMinute, out retryAfter);
    }
}

/// <summary>Refuses a command beyond the sender's <see cref="WriteRate"/> with 429 and Retry-After, before any other work.</summary>
internal sealed class WriteRateBehaviour<TRequest, TResponse>(WriteRate rate, ICurrentUser me, IHttpContextAccessor http)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is ICommand<TResponse>)
        {
            var who = me.IsAuthenticated ? "person:" + me.Id : http.HttpContext is { } context ? "client:" + ClientAddress.Of(context) : null;
            if (who is not null && !rate.TryTake(who, out var retryAfter))
            {
                throw new TooManyAttemptsException(retryAfter,
                    $"Too many changes in a minute. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.");
            }
        }

        return await next();
    }
}
