namespace Workspace.Server.Features.CoChairTerms;

internal sealed class CoChairTermsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var terms = api.MapGroup("/cochair-terms").WithTags("Membership");
        ListTerms.Map(terms);
        CreateTerm.Map(terms);
        GetCurrentTerm.Map(api);
    }
}
