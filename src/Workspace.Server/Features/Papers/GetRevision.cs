using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class GetRevision
{
    public sealed record Query(Guid PaperId, int Number) : IQuery<RevisionView>, IPaperViewerRequest;

    public sealed record RevisionView(int Number, string Body, string ContentHash, string Author, string AuthorAgencyCode, DateTimeOffset CreatedAt);

    internal sealed class Handler(WorkspaceDb db, ILogger<Handler> logger) : IRequestHandler<Query, RevisionView>
    {
        public async Task<RevisionView> Handle(Query query, CancellationToken cancellationToken)
        {
            var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.PaperId == query.PaperId && r.Number == query.Number, cancellationToken)
                ?? throw new NotFoundException("revision", $"{query.PaperId}/{query.Number}");
            // Served only as it was written: the text must hash to what the log recorded for it.
            (await PaperLog.ReadAsync(db, query.PaperId, cancellationToken)).EnsureRevision(revision.Number, revision.Body, logger);
            return new RevisionView(revision.Number, revision.Body, revision.ContentHash, revision.Author, revision.AuthorAgencyCode, revision.CreatedAt.AsUtcInstant());
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/revisions/{number:int}", (Guid paperId, int number, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(paperId, number), ct))
            .WithName("GetRevision")
            .WithSummary("One revision's text")
            .WithDescription("The markdown body, its content hash, author and time. A stored text that no longer hashes to what the event log recorded for it is not served (409 `content-mismatch`).");
}
