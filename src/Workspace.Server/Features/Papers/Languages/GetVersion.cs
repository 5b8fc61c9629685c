using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A language version's latest text with where it stands, or one of its revisions.</summary>
public static class GetVersion
{
    public sealed record Query(Guid PaperId, string Language) : IQuery<VersionText>, IPaperViewerRequest;

    public sealed record RevisionQuery(Guid PaperId, string Language, int Number) : IQuery<VersionRevisionView>, IPaperViewerRequest;

    /// <param name="OriginalRevision">The original's latest revision and its hash: what an up-to-date version translates.</param>
    public sealed record VersionText(string Language, int BasedOnRevision, string BasedOnHash, int Revision, string ContentHash, VersionStatus Status, string? Reviewer,
        DateTimeOffset? ConfirmedAt, string Author, DateTimeOffset UpdatedAt, DateTimeOffset? ReviewedAt, string? Reason, string Body, string OriginalLanguage,
        int OriginalRevision, string OriginalHash);

    public sealed record VersionRevisionView(string Language, int Number, string Body, string ContentHash, int BasedOnRevision, string BasedOnHash, string Author,
        string AuthorAgencyCode, DateTimeOffset CreatedAt);

    internal sealed class Handler(WorkspaceDb db, ILogger<Handler> logger) : IRequestHandler<Query, VersionText>, IRequestHandler<RevisionQuery, VersionRevisionView>
    {
        public async Task<VersionText> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ReadTogetherAsync(async ct =>
            {
                var paper = await db.Papers.AsNoTracking().Where(p => p.Id == query.PaperId)
                    .Select(p => new { p.OriginalLanguage, p.LatestRevisionNumber, p.LatestContentHash }).SingleAsync(ct);
                var version = await db.LanguageVersions.AsNoTracking().SingleOrDefaultAsync(v => v.PaperId == query.PaperId && v.Language == query.Language, ct)
                    ?? throw new NotFoundException("version", $"{query.PaperId}/{query.Language}");
                var body = await ReadAsync(query.PaperId, query.Language, version.Revision, ct);
                var view = VersionView.Of(version);
                return new VersionText(view.Language, view.BasedOnRevision, view.BasedOnHash, view.Revision, view.ContentHash, view.Status, view.Reviewer, view.ConfirmedAt,
                    view.Author, view.UpdatedAt, view.ReviewedAt, view.Reason, body.Body, paper.OriginalLanguage, paper.LatestRevisionNumber, paper.LatestContentHash ?? "");
            }, cancellationToken);

        public async Task<VersionRevisionView> Handle(RevisionQuery query, CancellationToken cancellationToken)
        {
            var revision = await ReadAsync(query.PaperId, query.Language, query.Number, cancellationToken);
            return new VersionRevisionView(revision.Language, revision.Number, revision.Body, revision.ContentHash, revision.BasedOnRevision, revision.BasedOnHash,
                revision.Author, revision.AuthorAgencyCode, revision.CreatedAt.AsUtcInstant());
        }

        /// <summary>A revision of the version, served only as it was written: its text must hash to what the log recorded for it.</summary>
        private async Task<VersionRevision> ReadAsync(Guid paperId, string language, int number, CancellationToken ct)
        {
            var revision = await db.VersionRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.PaperId == paperId && r.Language == language && r.Number == number, ct)
                ?? throw new NotFoundException("version revision", $"{paperId}/{language}/{number}");
            (await PaperLog.ReadAsync(db, paperId, ct)).EnsureVersion(language, number, revision.Body, logger);
            return revision;
        }
    }

    public static void Map(RouteGroupBuilder papers)
    {
        papers.MapGet("/{paperId:guid}/versions/{language}", (Guid paperId, string language, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(paperId, language), ct))
            .WithName("GetVersion")
            .WithSummary("A language version's latest text")
            .WithDescription("The version's latest markdown `body`, its hash, the original's revision and hash it translates, `status` (Draft, OutOfDate, Confirmed, SentBack), its reviewer, and the original's latest revision. No version in that language → 404.");
        papers.MapGet("/{paperId:guid}/versions/{language}/revisions/{number:int}", (Guid paperId, string language, int number, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevisionQuery(paperId, language, number), ct))
            .WithName("GetVersionRevision")
            .WithSummary("One revision of a language version")
            .WithDescription("The text of that revision of the version and the original's revision and hash it translates.");
    }
}
