
namespace Workspace.Server.Features.WorkingGroups;

public sealed record WorkingGroupView(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes)
{
    public static WorkingGroupView From(WorkingGroup group) => new(group.Id, group.Name, group.LeadAgencyCode, group.MemberAgencyCodes);
}
