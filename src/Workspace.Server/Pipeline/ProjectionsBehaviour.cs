using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

/// <summary>
/// A request that reads what the reactions write after commit (a revision's blocks, where its comments and suggestions
/// stand): it sees every change committed before it was sent.
/// </summary>
public interface IReadsProjections;

/// <summary>
/// Waits, before the writer's turn (a reaction commits in a turn of its own), until the reactions have acted on every
/// event committed before the request; at most a few seconds, after which the request reads what is there.
/// </summary>
internal sealed class ProjectionsBehaviour<TRequest, TResponse>(WorkspaceDb db, LogReactions reactions) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IReadsProjections)
        {
            await reactions.CaughtUpAsync(db, Wait, cancellationToken);
        }

        return await next();
    }
}
