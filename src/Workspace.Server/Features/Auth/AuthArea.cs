namespace Workspace.Server.Features.Auth;

internal sealed class AuthArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        Login.Map(auth);
        SignOut.Map(auth);
        var me = api.MapGroup("").WithTags("Auth");
        GetMe.Map(me);
        ChangePassword.Map(me);
    }

    public void MapOutsideApi(IEndpointRouteBuilder app)
    {
        SignOut.MapPage(app);
        SingleSignOnPages.Map(app);
    }
}
