using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class RevokeCalendarFeed
{
    public sealed record Command : ICommand<Unit>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.CalendarFeeds.Where(f => f.PersonId == me.Id).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapDelete("/calendar-feed", async (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeCalendarFeed")
            .WithSummary("Revoke my calendar subscription address")
            .WithDescription("The address stops working at once.");
}
