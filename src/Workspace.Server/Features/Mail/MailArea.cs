namespace Workspace.Server.Features.Mail;

internal sealed class MailArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var mailSettings = api.MapGroup("/me").WithTags("Mail");
        GetMyMailSettings.Map(mailSettings);
        UpdateMyMailSettings.Map(mailSettings);
        Unsubscribe.Map(api.MapGroup("/mail").WithTags("Mail"));
    }

    public void AddServices(IServiceCollection services) => services.AddSingleton<Data.ITimedWork, DigestsAndDelivery>();
}
