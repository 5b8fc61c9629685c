using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Publications;

/// <param name="AgencyCodes">The signatories: every agency that approved the text or adopted it by silence.</param>
/// <param name="ContentHash">The hash every signatory approved; the published text hashes to it.</param>
public sealed record PublicationView(Guid PaperId, string Title, PaperKind Kind, DateTimeOffset PublishedAt, string Summary,
    IReadOnlyList<string> Tags, IReadOnlyList<string> AgencyCodes, string ContentHash);

public sealed record PublicationText(Guid PaperId, string Title, PaperKind Kind, DateTimeOffset PublishedAt, string Summary,
    IReadOnlyList<string> Tags, IReadOnlyList<string> AgencyCodes, string ContentHash, int Revision, string Text);

/// <summary>What the group has published, for anyone: nothing unpublished ever appears here.</summary>
public static class ListPublications
{
    public sealed record Query : IQuery<IReadOnlyList<PublicationView>>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<PublicationView>>
    {
        public async Task<IReadOnlyList<PublicationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Papers.AsNoTracking().Where(p => p.State == PaperState.Published).OrderByDescending(p => p.PublishedAt)
                .Select(p => new { p.Id, p.Title, p.Kind, p.PublishedAt, p.PublicationSummary, p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(p => new PublicationView(p.Id, p.Title, p.Kind, p.PublishedAt!.Value.AsUtcInstant(), p.PublicationSummary ?? "",
                p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash!))];
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .AllowAnonymous()
            .WithName("ListPublications")
            .WithSummary("Published papers")
            .WithDescription("Every published paper, newest first, with its summary, tags, signatory agencies and the content hash they approved. No sign-in needed.");
}

public static class GetPublication
{
    public sealed record Query(Guid PaperId) : IQuery<PublicationText>, IPublicRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, PublicationText>
    {
        public async Task<PublicationText> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await (
                from p in db.Papers.AsNoTracking()
                where p.Id == query.PaperId && p.State == PaperState.Published
                join r in db.Revisions on new { PaperId = p.Id, Number = p.PublishedRevisionNumber!.Value } equals new { r.PaperId, r.Number }
                select new { p.Id, p.Title, p.Kind, p.PublishedAt, p.PublicationSummary, p.PublicationTags, p.SignatoryAgencyCodes, p.PublishedContentHash, r.Number, r.Body })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("publication", query.PaperId.ToString());
            return new PublicationText(row.Id, row.Title, row.Kind, row.PublishedAt!.Value.AsUtcInstant(), row.PublicationSummary ?? "", row.PublicationTags,
                row.SignatoryAgencyCodes, row.PublishedContentHash!, row.Number, row.Body);
        }
    }

    public static void Map(RouteGroupBuilder publications) =>
        publications.MapGet("/{paperId:guid}", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(paperId), ct))
            .AllowAnonymous()
            .WithName("GetPublication")
            .WithSummary("A published paper's text")
            .WithDescription("The published text (markdown) with its summary, tags, signatories and content hash. Not published → 404.");
}

/// <summary>The publications as an Atom feed, for the group's website and feed readers.</summary>
public static class PublicationsFeed
{
    public const string Path = "/publications.atom";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var publications = await mediator.Send(new ListPublications.Query(), ct);
                var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
                var feed = new SyndicationFeed("Inter-Agency Workspace publications", "Papers published by the group", site)
                {
                    Id = new Uri(site, Path.TrimStart('/')).ToString(),
                    LastUpdatedTime = publications.Count == 0 ? DateTimeOffset.UnixEpoch : publications[0].PublishedAt,
                    Items = publications.Select(p =>
                    {
                        var item = new SyndicationItem(p.Title, p.Summary, new Uri(site, $"api/publications/{p.PaperId}"), $"urn:uuid:{p.PaperId}", p.PublishedAt)
                        {
                            PublishDate = p.PublishedAt,
                            Summary = new TextSyndicationContent(p.Summary),
                        };
                        foreach (var tag in p.Tags)
                        {
                            item.Categories.Add(new SyndicationCategory(tag));
                        }

                        foreach (var agency in p.AgencyCodes)
                        {
                            item.Authors.Add(new SyndicationPerson { Name = agency });
                        }

                        return item;
                    }).ToList(),
                };
                var output = new StringBuilder();
                await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true }))
                {
                    new Atom10FeedFormatter(feed).WriteTo(writer);
                }

                return Results.Text(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Publications")
            .WithName("PublicationsFeed")
            .WithSummary("Atom feed of publications")
            .WithDescription("The same publications as GET /api/publications, as an Atom 1.0 feed.");
}
