namespace Workspace.Server.Features.Settings;

internal sealed class SettingsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/me").WithTags("Auth");
        GetMySettings.Map(settings);
        UpdateMySettings.Map(settings);
    }
}
