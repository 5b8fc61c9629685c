namespace Workspace.Server.Features.Events;

internal sealed class EventsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        VerifyAudit.Map(api);
        RotateChainKey.Map(api);
    }
}
