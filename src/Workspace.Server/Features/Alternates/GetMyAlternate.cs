using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Alternates;

public static class GetMyAlternate
{
    public sealed record Query : IQuery<MyAlternateView>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Query, MyAlternateView>
    {
        public Task<MyAlternateView> Handle(Query query, CancellationToken cancellationToken) =>
            MyAlternateView.ForAsync(db, me.Email, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/alternate", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("GetMyAlternate")
            .WithSummary("My alternate, and whom I stand in for")
            .WithDescription("`alternate`: the colleague named to act for me, now or for a period to come (`active` when it holds now), or null; `actingFor`: those I may act for now.");
}
