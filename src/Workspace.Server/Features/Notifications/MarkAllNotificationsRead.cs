using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Notifications;

/// <summary>Marks every unread notification of the caller read, at once.</summary>
public static class MarkAllNotificationsRead
{
    public sealed record Command : ICommand<MarkedRead>, ISignedInRequest;

    /// <summary>How many notifications were unread and are now read.</summary>
    public sealed record MarkedRead(int Marked);

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, MarkedRead>
    {
        public async Task<MarkedRead> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var marked = await db.Notifications.Where(n => n.PersonId == me.Id && n.ReadAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
            return new MarkedRead(marked);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/notifications/read-all", (IMediator mediator, CancellationToken ct) => mediator.Send(new Command(), ct))
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Mark all my notifications read")
            .WithDescription("Every unread notification of yours becomes read; answers how many (`marked`).");
}
