using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.SignOffRules;

/// <summary>The rule of one kind of paper: who must sign, by which procedure by default, with what notice, with internal clearance or not.</summary>
public sealed record SignOffRuleView(PaperKind PaperKind, Signers Signers, IReadOnlyList<string> AgencyCodes, Procedure Procedure, TimeSpan MinimumNotice,
    bool ClearanceRequired, DateTimeOffset? ChangedAt, string? ChangedBy, IReadOnlyList<string>? RequiredLanguages = null)
{
    public static SignOffRuleView Of(SignOffRule rule) => new(rule.Kind, rule.Signers, rule.AgencyCodes, rule.Procedure, rule.MinimumNotice, rule.ClearanceRequired,
        rule.ChangedAt?.AsUtcInstant(), rule.ChangedBy, rule.RequiredLanguages);
}

internal static class SignOffRuleLoading
{
    /// <summary>The rule of a kind as the secretariat set it, or the default until it does.</summary>
    public static async Task<SignOffRule> RuleForAsync(this WorkspaceDb db, PaperKind kind, CancellationToken ct) =>
        await db.SignOffRules.SingleOrDefaultAsync(r => r.Kind == kind, ct) ?? SignOffRule.Default(kind);

    /// <summary>
    /// The agencies a paper needs under a rule: every member, its working group's members, its participants or the
    /// named list, always with its participants.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SignersAsync(this WorkspaceDb db, SignOffRule rule, Guid? workingGroupId,
        IReadOnlyCollection<string> participants, CancellationToken ct)
    {
        IReadOnlyCollection<string> members = rule.Signers == Signers.AllMembers
            ? await db.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync(ct)
            : [];
        IReadOnlyCollection<string>? groupMembers = rule.Signers == Signers.WorkingGroup && workingGroupId is { } id
            ? await db.WorkingGroups.AsNoTracking().Where(g => g.Id == id).Select(g => g.MemberAgencyCodes).SingleOrDefaultAsync(ct)
            : null;
        return rule.SignersOf(members, groupMembers, participants);
    }
}
