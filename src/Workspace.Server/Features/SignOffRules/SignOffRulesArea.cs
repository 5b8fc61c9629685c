namespace Workspace.Server.Features.SignOffRules;

internal sealed class SignOffRulesArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/sign-off-rules").WithTags("Sign-off practice");
        ListSignOffRules.Map(rules);
        ChangeSignOffRule.Map(rules);
    }
}
