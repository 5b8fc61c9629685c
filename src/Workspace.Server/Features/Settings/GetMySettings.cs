using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Settings;

public static class GetMySettings
{
    public sealed record Query : IQuery<MySettings>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, MySettings>
    {
        public async Task<MySettings> Handle(Query query, CancellationToken cancellationToken)
        {
            var person = await db.Users.AsNoTracking().Where(p => p.Id == me.Id).Select(p => new { p.TimeZone, p.Language })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new UnauthenticatedException();
            return new MySettings(person.TimeZone ?? MySettings.DefaultZone, person.Language);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/settings", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("GetMySettings")
            .WithSummary("My settings")
            .WithDescription("`timeZone` (IANA; `UTC` until set) and `language` (`en`, `fr`, or null for the browser's).");
}
