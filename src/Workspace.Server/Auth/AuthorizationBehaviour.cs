namespace Workspace.Server.Auth;

/// <summary>
/// First in the pipeline: runs the request's access rule (<see cref="IAccessRule{TRequest}"/>), so a request its
/// sender may not make is refused before anything else runs; then, for a decision taken for someone else, that
/// the sender is their alternate now.
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(IEnumerable<IAccessRule<TRequest>> rules, ICurrentUser me, Alternates alternates)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var found = rules.GetEnumerator();
        // A request with no rule, or two, is a programming error, caught by the architecture tests too.
        var rule = found.MoveNext() ? found.Current : throw new InvalidOperationException($"{typeof(TRequest).FullName} does not state who may send it.");
        if (found.MoveNext())
        {
            throw new InvalidOperationException($"{typeof(TRequest).FullName} states more than one rule of who may send it.");
        }

        if (!rule.ForAnyone && !me.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        await rule.CheckAsync(request, cancellationToken);
        if (request is IAlternateRequest { OnBehalfOf: { Length: > 0 } person })
        {
            await alternates.EnsureHoldsAsync(person, cancellationToken);
        }

        return await next();
    }
}
