using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Publications;

/// <summary>What the group has published, for anyone: nothing unpublished ever appears here.</summary>
public static class ListPublications
{
    /// <param name="Skip">Entries to pass over, newest first.</param>
    /// <param name="Take">Entries at most; null: all (the catalogue page, the feed).</param>
    public sealed record Query(int Skip = 0, int? Take = null) : IQuery<IReadOnlyList<PublicationView>>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<PublicationView>>
    {
        public async Task<IReadOnlyList<PublicationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var published = db.Papers.AsNoTracking().Where(p => p.State == PaperState.Published).OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Skip(query.Skip);
            var rows = await (query.Take is { } most ? published.Take(most) : published)
                .Select(p => new { p.Id, p.Title, p.Kind, p.PublishedAt, p.PublicationSummary, p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash, p.CorrectedAt, p.OriginalLanguage, p.VersionLanguages })
                .ToListAsync(cancellationToken);
            // The versions confirmed against each published text: the languages each is offered in.
            var withVersions = rows.Where(p => p.VersionLanguages.Count > 0).Select(p => p.Id).ToList();
            var confirmed = withVersions.Count == 0 ? [] : await db.LanguageVersions.AsNoTracking()
                .Where(v => withVersions.Contains(v.PaperId) && v.ConfirmedRevision == v.Revision).Select(v => new { v.PaperId, v.Language, v.BasedOnHash })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(p => new PublicationView(p.Id, p.Title, p.Kind, p.PublishedAt!.Value.AsUtcInstant(), p.PublicationSummary ?? "",
                p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash!, p.CorrectedAt?.AsUtcInstant())
            {
                LanguageCodes = [p.OriginalLanguage, .. confirmed.Where(v => v.PaperId == p.Id && v.BasedOnHash == p.PublishedContentHash)
                    .Select(v => v.Language).OrderBy(OfficialLanguages.Position)],
            })];
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct, int? limit = null, int? offset = null) =>
            {
                var page = Http.Paging.From(limit, offset);
                return Http.Paging.Answer(http, page, await mediator.Send(new Query(page.Offset, page.Take), ct));
            })
            .AllowAnonymous()
            .WithName("ListPublications")
            .WithSummary("Published papers")
            .WithDescription("Every published paper, newest first, with its summary, tags, signatory agencies and the content hash they approved, a page at a time: `limit` (1–500, default 100) from `offset`; `Link: <…>; rel=\"next\"` while more follow. No sign-in needed.");
}
