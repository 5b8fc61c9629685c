using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>The public member directory, as the group's website shows it: no sign-in, no people.</summary>
public static class ListMembers
{
    public sealed record Query : IQuery<IReadOnlyList<MemberEntry>>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<MemberEntry>>
    {
        public async Task<IReadOnlyList<MemberEntry>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new MemberEntry(a.Code, a.Name, a.Mandate)).ToListAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/members", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .AllowAnonymous()
            .WithTags("Membership")
            .WithName("ListMembers")
            .WithSummary("Public member directory")
            .WithDescription("Every member organization with its mandate. No sign-in needed.");
}
