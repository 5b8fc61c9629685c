
using Workspace.Server.Features.Agencies;

namespace Workspace.Server.Features.WorkingGroups;

public sealed record WorkingGroupView(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes)
{
    public static WorkingGroupView From(WorkingGroup group) => new(group.Id, group.Name, group.LeadAgencyCode, group.MemberAgencyCodes);
}

/// <summary>What creating and changing a group both send.</summary>
public interface IWorkingGroupShape
{
    string Name { get; }

    string LeadAgencyCode { get; }

    IReadOnlyList<string> MemberAgencyCodes { get; }
}

internal static class WorkingGroupRules
{
    /// <summary>A name, a member agency as lead, and at most 100 member agencies.</summary>
    public static void Apply<T>(AbstractValidator<T> validator, Data.WorkspaceDb db)
        where T : IWorkingGroupShape
    {
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        validator.RuleFor(c => c.LeadAgencyCode).NotEmpty()
            .MustBeMember(db).WithMessage("The lead must be a member agency.");
        validator.RuleFor(c => c.MemberAgencyCodes).NotNull()
            .Must(codes => codes.Count <= 100).WithMessage("At most 100 members.")
            .MustAllBeMembers(db).WithMessage("Every member must be a member agency.");
    }
}
