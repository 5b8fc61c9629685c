namespace Workspace.Server.Features.WorkingGroups;

internal sealed class WorkingGroupsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/working-groups").WithTags("Membership");
        ListWorkingGroups.Map(groups);
        GetWorkingGroup.Map(groups);
        CreateWorkingGroup.Map(groups);
        UpdateWorkingGroup.Map(groups);
        ListWorkingGroupWork.Map(groups);
    }
}
