using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Auth;

/// <summary>Who am I: my agency, my roles, and whether my agency co-chairs the group today.</summary>
public static class GetMe
{
    public sealed record Query : IQuery<MeView>, ISignedInRequest;

    public sealed record MeView(string Email, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles, bool IsCoChair);

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, CoChairs coChairs) : IRequestHandler<Query, MeView>
    {
        public async Task<MeView> Handle(Query query, CancellationToken cancellationToken)
        {
            var person = await db.Users.AsNoTracking().Where(p => p.Id == me.Id)
                .Select(p => new { p.Email, p.DisplayName, p.AgencyCode })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new UnauthenticatedException();
            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == me.Id
                               orderby r.Name
                               select r.Name!).ToListAsync(cancellationToken);
            return new MeView(person.Email ?? "", person.DisplayName, person.AgencyCode, roles,
                await coChairs.IsCoChairAsync(person.AgencyCode, cancellationToken));
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("GetMe")
            .WithSummary("The signed-in person")
            .WithDescription("E-mail, display name, agency, roles, and whether the agency co-chairs the group today.");
}
