using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>A member's public profile, as the directory links to it: what it does, never who its people are.</summary>
public static class GetMemberProfile
{
    public sealed record Query(string Code) : IQuery<MemberProfile>, IPublicRequest;

    public sealed record MemberProfile(string Code, string Name, string Mandate, IReadOnlyList<string> ThematicPriorities,
        IReadOnlyList<string> Regions, IReadOnlyList<KeyActivity> KeyActivities, string? ResourcesUrl);

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, MemberProfile>
    {
        public async Task<MemberProfile> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await db.LoadProfileAsync(query.Code, cancellationToken) ?? throw new NotFoundException("member", query.Code);
            return new MemberProfile(profile.Code, profile.Name, profile.Mandate, profile.ThematicPriorities, profile.Regions ?? [], profile.KeyActivities ?? [], profile.ResourcesUrl);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/members/{code}", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(code), ct))
            .AllowAnonymous()
            .WithTags("Membership")
            .WithName("GetMemberProfile")
            .WithSummary("A member's public profile")
            .WithDescription("Code, name, mandate, thematic priorities, regions, key activities and the link to its resources. No sign-in needed; no people.");
}
