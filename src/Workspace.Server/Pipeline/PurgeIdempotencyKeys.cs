using Workspace.Server.Auth;
using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

/// <summary>Forgets Idempotency-Keys older than <see cref="ApiOptions.IdempotencyKeyHours"/>; run hourly by the server.</summary>
public static class PurgeIdempotencyKeys
{
    public sealed record Command : ICommand<int>, ISystemRequest;

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, IOptions<ApiOptions> options) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var before = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.IdempotencyKeyHours);
            return db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
