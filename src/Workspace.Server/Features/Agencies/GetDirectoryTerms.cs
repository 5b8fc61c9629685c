using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>The themes and regions members name, and readers filter the directory by.</summary>
public static class GetDirectoryTerms
{
    public sealed record Query : IQuery<DirectoryTermsView>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, DirectoryTermsView>
    {
        public async Task<DirectoryTermsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var terms = await db.DirectoryTermsAsync(cancellationToken);
            return new DirectoryTermsView(terms.Themes, terms.Regions);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/directory-terms", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .AllowAnonymous()
            .WithTags("Membership")
            .WithName("GetDirectoryTerms")
            .WithSummary("Themes and regions of the member directory")
            .WithDescription("The thematic priorities and regions the secretariat lists; profiles name them, and `GET /api/members?theme=&region=` filters by them. No sign-in needed.");
}
