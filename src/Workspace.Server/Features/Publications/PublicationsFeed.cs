using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Workspace.Server.Http;

namespace Workspace.Server.Features.Publications;

/// <summary>
/// The publications as an Atom feed, for the group's website and feed readers. Every text goes through
/// <see cref="SafeText.ForXml"/>: a character XML cannot carry, in a row stored before text was checked, must
/// not break the feed for everyone.
/// </summary>
public static class PublicationsFeed
{
    public const string Path = "/publications.atom";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (PublicUrl publicUrl, IMediator mediator, CancellationToken ct, string? language = null) =>
            {
                var publications = await mediator.Send(new ListPublications.Query(), ct);
                // In one language: the publications offered in it, each with its title and link in that language.
                var titles = new Dictionary<Guid, string>();
                if (language is not null)
                {
                    publications = [.. publications.Where(p => p.LanguageCodes.Contains(language, StringComparer.Ordinal))];
                    foreach (var p in publications)
                    {
                        titles[p.PaperId] = (await mediator.Send(new GetPublication.Query(p.PaperId, language), ct)).TitleInLanguage;
                    }
                }

                var site = publicUrl.Base;
                var feed = new SyndicationFeed("Inter-Agency Workspace publications", "Papers published by the group", site)
                {
                    Id = new Uri(site, Path.TrimStart('/') + (language is null ? "" : $"?language={Uri.EscapeDataString(language)}")).ToString(),
                    Language = language ?? "en",
                    LastUpdatedTime = publications.Count == 0 ? DateTimeOffset.UnixEpoch : publications.Max(p => p.CorrectedAt ?? p.PublishedAt),
                    Items = publications.Select(p =>
                    {
                        var query = language is null ? "" : $"?language={Uri.EscapeDataString(language)}";
                        var item = new SyndicationItem(SafeText.ForXml(titles.GetValueOrDefault(p.PaperId, p.Title)), SafeText.ForXml(p.Summary),
                            new Uri(site, $"api/publications/{p.PaperId}{query}"), language is null ? $"urn:uuid:{p.PaperId}" : $"urn:uuid:{p.PaperId}#{language}", p.CorrectedAt ?? p.PublishedAt)
                        {
                            PublishDate = p.PublishedAt,
                            Summary = new TextSyndicationContent(SafeText.ForXml(p.Summary)),
                        };
                        // The page in each language it is published in, for readers and for search engines (hreflang).
                        foreach (var offered in p.LanguageCodes)
                        {
                            item.Links.Add(new SyndicationLink(new Uri(site, $"publications/{p.PaperId}?language={offered}"), "alternate", null, "text/html", 0)
                            {
                                AttributeExtensions = { [new XmlQualifiedName("hreflang")] = offered },
                            });
                        }

                        foreach (var tag in p.Tags)
                        {
                            item.Categories.Add(new SyndicationCategory(SafeText.ForXml(tag)));
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
            .WithDescription("The same publications as GET /api/publications, as an Atom 1.0 feed; each entry links its page in every language it is published in (`hreflang`). `?language=es`: only those published in Spanish, with their Spanish titles.");
}
