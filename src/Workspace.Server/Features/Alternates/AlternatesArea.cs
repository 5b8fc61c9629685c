namespace Workspace.Server.Features.Alternates;

internal sealed class AlternatesArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var alternate = api.MapGroup("/me").WithTags("Sign-off practice");
        GetMyAlternate.Map(alternate);
        NameAlternate.Map(alternate);
        EndAlternate.Map(alternate);
    }

    public void AddServices(IServiceCollection services) => services.AddSingleton<Server.Mail.INoticeTemplates, AlternateNotices>();
}
