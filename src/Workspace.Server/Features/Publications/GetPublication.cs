using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Publications;

public static class GetPublication
{
    public sealed record Query(Guid PaperId) : IQuery<PublicationText>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db, ILogger<Handler> logger) : IRequestHandler<Query, PublicationText>
    {
        public async Task<PublicationText> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await (
                from p in db.Papers.AsNoTracking()
                where p.Id == query.PaperId && p.State == PaperState.Published
                join r in db.Revisions on new { PaperId = p.Id, Number = p.PublishedRevisionNumber!.Value } equals new { r.PaperId, r.Number }
                select new { p.Id, p.Title, p.Kind, p.PublishedAt, p.PublicationSummary, p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash, p.CorrectedAt, r.Number, r.Body })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("publication", query.PaperId.ToString());
            var log = await PaperLog.ReadAsync(db, row.Id, cancellationToken);
            log.EnsureRevision(row.Number, row.Body, logger);
            if (log.PublishedHash != row.PublishedContentHash)
            {
                throw new RuleBrokenException("content-mismatch", "The published hash differs from the one the event log recorded at publication; the text is not served.");
            }

            return new PublicationText(row.Id, row.Title, row.Kind, row.PublishedAt!.Value.AsUtcInstant(), row.PublicationSummary ?? "", row.PublicationTags,
                row.SignatoryAgencyCodes, row.PublishedContentHash!, row.Number, row.Body, row.CorrectedAt?.AsUtcInstant());
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/{paperId:guid}", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .AllowAnonymous()
            .WithName("GetPublication")
            .WithSummary("A published paper's text")
            .WithDescription("The published text (markdown) with its summary, tags, signatories and content hash. Not published → 404. A text that no longer hashes to what the event log recorded is not served (409 `content-mismatch`).");
}
