namespace Workspace.Server.Features.Reports;

internal sealed class ReportsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api) => DraftAnnualReport.Map(api);
}
