using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Alternates;

/// <summary>Ends my alternate's power at once, on every page and connection: each act asks whether it holds.</summary>
public static class EndAlternate
{
    public sealed record Command : ICommand<MyAlternateView>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, MyAlternateView>
    {
        public async Task<MyAlternateView> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var mine = me.Email.ToLowerInvariant();
            foreach (var alternate in await db.Alternates.Where(a => a.PersonEmail == mine && a.EndedAt == null && a.To > now).ToListAsync(cancellationToken))
            {
                alternate.End(me.AsActor(), now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return await MyAlternateView.ForAsync(db, me.Email, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapDelete("/alternate", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new Command(), ct))
            .WithName("EndAlternate")
            .WithSummary("End my alternate's period now")
            .WithDescription("From this moment they may no longer act for me; what they did stays recorded with both names.");
}
