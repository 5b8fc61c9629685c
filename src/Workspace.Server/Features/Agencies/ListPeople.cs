using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>Everyone who may sign in, by agency: what the secretariat keeps.</summary>
public static class ListPeople
{
    public sealed record Query : IQuery<IReadOnlyList<RegisterFocalPoint.PersonView>>, ISecretariatRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<RegisterFocalPoint.PersonView>>
    {
        public async Task<IReadOnlyList<RegisterFocalPoint.PersonView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var people = await db.Users.AsNoTracking().OrderBy(p => p.AgencyCode).ThenBy(p => p.Email)
                .Select(p => new { p.Id, p.Email, p.DisplayName, p.AgencyCode }).ToListAsync(cancellationToken);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            var byPerson = roles.ToLookup(r => r.UserId, r => r.Name!);
            return [.. people.Select(p => new RegisterFocalPoint.PersonView(p.Email ?? "", p.DisplayName, p.AgencyCode, [.. byPerson[p.Id].Order(StringComparer.Ordinal)]))];
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/people", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithTags("Membership")
            .WithName("ListPeople")
            .WithSummary("Everyone who may sign in")
            .WithDescription("E-mail, display name, agency and roles of every person, by agency. Secretariat only.");
}
