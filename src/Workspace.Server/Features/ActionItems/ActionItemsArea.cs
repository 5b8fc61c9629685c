namespace Workspace.Server.Features.ActionItems;

internal sealed class ActionItemsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        RecordActionItem.Map(api.MapGroup("/meetings").WithTags("Meetings"));
        var actionItems = api.MapGroup("/action-items").WithTags("Action items");
        ListActionItems.Map(actionItems);
        GetActionItem.Map(actionItems);
        ChangeActionItemStatus.Map(actionItems);
        CommentOnActionItem.Map(actionItems);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ActionItemAccess>();
        services.AddSingleton<Server.Mail.INoticeTemplates, ActionItemNotices>();
    }
}
