using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Events;

/// <summary>
/// The secretariat starts chaining the log with a new key (after staff changes, or on a schedule). The new
/// key is added to the key file, the old ones are kept to verify the rows chained with them, and the
/// rotation is itself the first row under the new key.
/// </summary>
public static class RotateChainKey
{
    public sealed record Command : ICommand<RotatedView>, ISecretariatRequest;

    public sealed record RotatedView(string KeyId);

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ChainKeys keys, IOptions<GroupOptions> group, ICurrentUser me) : IRequestHandler<Command, RotatedView>
    {
        public async Task<RotatedView> Handle(Command command, CancellationToken cancellationToken)
        {
            var previous = keys.CurrentId;
            var id = keys.Rotate();
            var rotated = DomainEvent.Of(new ChainKeyRotated(id, previous), new Subject("audit", "chain-key"), Audience.Agencies([group.Value.SecretariatAgencyCode]));
            db.Record(rotated with { Actor = me.Actor });
            await db.SaveChangesAsync(cancellationToken);
            return new RotatedView(id);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/audit/rotate-key", (IMediator mediator, CancellationToken ct) => mediator.Send(new Command(), ct))
            .WithTags("Events")
            .WithName("RotateChainKey")
            .WithSummary("Rotate the event log's chain key (secretariat)")
            .WithDescription("Adds a new key to the chain's key file and chains every later row with it; the rotation is recorded as `audit.key-rotated`. Older rows keep verifying with the key they name.");
}
