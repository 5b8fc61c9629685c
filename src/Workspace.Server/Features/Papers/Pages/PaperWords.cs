using Workspace.Server.Domain.Papers;
using Workspace.Server.Locale;

namespace Workspace.Server.Features.Papers.Pages;

/// <summary>The words pages use for a paper's kinds and states (keys of <see cref="Locale.Ui"/>'s strings).</summary>
public static class PaperWords
{
    public static string Kind(PaperKind kind) => kind switch
    {
        PaperKind.IssuePaper => "Issue paper",
        PaperKind.IssueBrief => "Issue brief",
        PaperKind.JointStatement => "Joint statement",
        PaperKind.Submission => "Submission",
        PaperKind.AnnualReport => "Annual report",
        PaperKind.Minutes => "Minutes",
        _ => "Other",
    };

    public static string State(PaperState state) => state switch
    {
        PaperState.Drafting => "Drafting",
        PaperState.InSignOff => "In sign-off",
        PaperState.SignedOff => "Signed off",
        PaperState.Published => "Published",
        _ => "Withdrawn",
    };

    public static string Procedure(Procedure procedure) => procedure == Domain.Papers.Procedure.Silence ? "Silence procedure" : "Unanimous approval";

    public static string Round(RoundStatus status) => status switch
    {
        RoundStatus.Open => "Open",
        RoundStatus.Completed => "Completed",
        RoundStatus.Broken => "Broken",
        _ => "Cancelled",
    };

    /// <summary>"4/6 approved · 1 objection": the approvals out of the agencies, and the objections when there are any.</summary>
    public static string Tally(int approved, int of, int objections, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        t["{0}/{1} approved", approved, of] + (objections == 0 ? "" : " · " + t.Plural(objections, "{0} objection", "{0} objections"));

    /// <summary>How a round ended, in one sentence that says who did it.</summary>
    public static string Ending(ClosingReason ending, Microsoft.Extensions.Localization.IStringLocalizer t) => (ending.Kind, ending.ByAgencyCode, ending.Revision) switch
    {
        (RoundClosing.SilenceBroken, { } by, _) => t["Silence broken by {0}: the paper is back in drafting.", by],
        (RoundClosing.SilenceBroken, _, _) => t["Silence broken: the paper is back in drafting."],
        (RoundClosing.Cancelled, { } by, { } revision) => t["Round cancelled: {0} saved revision {1}, so no decision on this revision counts.", by, revision],
        (RoundClosing.Cancelled, _, { } revision) => t["Round cancelled: revision {0} was saved, so no decision on this revision counts.", revision],
        (RoundClosing.Cancelled, { } by, _) => t["Round cancelled: {0} withdrew the paper.", by],
        (RoundClosing.Cancelled, _, _) => t["Round cancelled: the paper was withdrawn."],
        (RoundClosing.Adopted, _, _) => t["Adopted by silence: no agency objected by the deadline."],
        _ => t["Signed off: every agency approved."],
    };

    /// <summary>The paper's open round waits for this agency's word.</summary>
    public static bool Owes(GetSignOffStatus.BoardRow paper, string agencyCode) =>
        paper.Round is { Status: RoundStatus.Open } round && round.Agencies.Any(a => a.AgencyCode == agencyCode && a.Status is AgencySignOffStatus.Pending or AgencySignOffStatus.InClearance);
}
