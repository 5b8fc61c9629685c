namespace Workspace.Server.Features.Publications;

internal sealed class PublicationsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var publications = api.MapGroup("/publications").WithTags("Publications");
        ListPublications.Map(publications);
        GetPublication.Map(publications);
        ExportPublication.Map(publications);
    }

    public void MapOutsideApi(IEndpointRouteBuilder app)
    {
        PublicationsFeed.Map(app);
        ExportPublication.MapDownload(app);
    }
}
