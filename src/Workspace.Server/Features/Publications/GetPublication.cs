using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Publications;

public static class GetPublication
{
    /// <param name="Language">The language to serve: null for the original; one it is not published in → 404.</param>
    public sealed record Query(Guid PaperId, string? Language = null) : IQuery<PublicationText>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db, ILogger<Handler> logger) : IRequestHandler<Query, PublicationText>
    {
        public async Task<PublicationText> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await (
                from p in db.Papers.AsNoTracking()
                where p.Id == query.PaperId && p.State == PaperState.Published
                join r in db.Revisions on new { PaperId = p.Id, Number = p.PublishedRevisionNumber!.Value } equals new { r.PaperId, r.Number }
                select new { p.Id, p.Title, p.Kind, p.PublishedAt, p.PublicationSummary, p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash, p.CorrectedAt, p.OriginalLanguage, r.Number, r.Body })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("publication", query.PaperId.ToString());
            var log = await PaperLog.ReadAsync(db, row.Id, cancellationToken);
            log.EnsureRevision(row.Number, row.Body, logger);
            if (log.PublishedHash != row.PublishedContentHash)
            {
                throw new RuleBrokenException("content-mismatch", "The published hash differs from the one the event log recorded at publication; the text is not served.");
            }

            // The versions confirmed against the published text, by the tables and by the log's own account of the review.
            var confirmed = await (
                from v in db.LanguageVersions.AsNoTracking()
                where v.PaperId == row.Id && v.ConfirmedRevision == v.Revision && v.BasedOnHash == row.PublishedContentHash
                join t in db.VersionRevisions on new { v.PaperId, v.Language, Number = v.Revision } equals new { t.PaperId, t.Language, t.Number }
                select new { v.Language, v.ContentHash, v.Reviewer, v.Revision, t.Body }).ToListAsync(cancellationToken);
            var versions = confirmed.Where(v => log.Confirms(v.Language, v.ContentHash, row.PublishedContentHash!)).OrderBy(v => OfficialLanguages.Position(v.Language)).ToList();
            var languages = versions.Select(v => new PublishedLanguage(v.Language, v.ContentHash, v.Reviewer, false))
                .Prepend(new PublishedLanguage(row.OriginalLanguage, row.PublishedContentHash!, null, true)).ToList();
            var original = new PublicationText(row.Id, row.Title, row.Kind, row.PublishedAt!.Value.AsUtcInstant(), row.PublicationSummary ?? "", row.PublicationTags,
                row.SignatoryAgencyCodes, row.PublishedContentHash!, row.Number, row.Body, row.CorrectedAt?.AsUtcInstant())
            {
                Language = row.OriginalLanguage,
                OriginalLanguage = row.OriginalLanguage,
                Languages = languages,
            };
            if (query.Language is null || query.Language == row.OriginalLanguage)
            {
                return original;
            }

            var version = versions.SingleOrDefault(v => v.Language == query.Language) ?? throw new NotFoundException("publication language", $"{query.PaperId}/{query.Language}");
            log.EnsureVersion(version.Language, version.Revision, version.Body, logger);
            return original with { Text = version.Body, Language = version.Language, TextHash = version.ContentHash };
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/{paperId:guid}", async (Guid paperId, HttpContext http, IMediator mediator, CancellationToken ct, string? language = null) =>
            {
                var text = await mediator.Send(new Query(paperId, language), ct);
                http.Response.Headers.ContentLanguage = text.Language;
                return text;
            })
            .AllowAnonymous()
            .WithName("GetPublication")
            .WithSummary("A published paper's text")
            .WithDescription("The published text (markdown) with its summary, tags, signatories and content hash, and `languages`: the original (`authentic`) and each version a reviewer confirmed against the published text, with its hash and reviewer. `?language=fr` serves that version (`Content-Language` names the language served); one it is not published in → 404. Not published → 404. A text that no longer hashes to what the event log recorded is not served (409 `content-mismatch`).");
}
