using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Publications;

/// <summary>What the group has published, for anyone: nothing unpublished ever appears here.</summary>
public static class ListPublications
{
    public sealed record Query : IQuery<IReadOnlyList<PublicationView>>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<PublicationView>>
    {
        public async Task<IReadOnlyList<PublicationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Papers.AsNoTracking().Where(p => p.State == PaperState.Published).OrderByDescending(p => p.PublishedAt)
                .Select(p => new { p.Id, p.Title, p.Kind, p.PublishedAt, p.PublicationSummary, p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash, p.CorrectedAt })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(p => new PublicationView(p.Id, p.Title, p.Kind, p.PublishedAt!.Value.AsUtcInstant(), p.PublicationSummary ?? "",
                p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash!, p.CorrectedAt?.AsUtcInstant()))];
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .AllowAnonymous()
            .WithName("ListPublications")
            .WithSummary("Published papers")
            .WithDescription("Every published paper, newest first, with its summary, tags, signatory agencies and the content hash they approved. No sign-in needed.");
}
