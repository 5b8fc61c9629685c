using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Locale;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Papers;

/// <summary>What people are told of papers: a sign-off asked, reminded, overdue, objected to, closed; a paper published; clearance; corrections.</summary>
internal sealed class PaperNotices : INoticeTemplates
{
    public int Order => 0;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("round-opened", MailMode.Immediate, false, "A sign-off is requested of my agency"),
        new("sign-off-reminder", MailMode.Immediate, false, "Reminders of a sign-off my agency owes"),
        new("round-overdue", MailMode.Immediate, false, "A sign-off past its deadline"),
        new("sign-off-objected", MailMode.Immediate, false, "An objection to a paper my agency takes part in"),
        new("round-broken", MailMode.Immediate, false, "Silence broken on a paper my agency takes part in"),
        new("round-cancelled", MailMode.Digest, false, "A sign-off cancelled (new revision, paper withdrawn)"),
        new("round-completed", MailMode.Digest, false, "A paper signed off"),
        new("paper-published", MailMode.Digest, false, "A paper published"),
        new("clearance-requested", MailMode.Immediate, false, "A text waits for my step of my agency's clearance"),
        new("clearance-sent-back", MailMode.Immediate, false, "A text sent back in my agency's clearance"),
        new("correction-proposed", MailMode.Immediate, false, "An editorial correction to a paper my agency signed"),
        new("correction-objected", MailMode.Immediate, false, "An objection to an editorial correction"),
        new("correction-adopted", MailMode.Digest, false, "An editorial correction adopted"),
        new("minutes-ready", MailMode.Immediate, false, "Minutes of a meeting signed off"),
        new("contribution-sent", MailMode.Immediate, false, "An agency sent its comments and suggestions on a paper my agency leads"),
        new("contribution-clearance-requested", MailMode.Immediate, false, "My agency's comments and suggestions wait for my step of its clearance"),
        new("contribution-sent-back", MailMode.Immediate, false, "My agency's comments and suggestions sent back in its clearance"),
        new("annotation-disposed", MailMode.Digest, false, "The lead decided on my agency's comments and suggestions"),
        new("version-review-requested", MailMode.Immediate, false, "A version in a language I review waits for my check"),
        new("version-sent-back", MailMode.Immediate, false, "A version I wrote was sent back by its reviewer"),
        new("version-out-of-date", MailMode.Digest, false, "A version I wrote is out of date: the original changed"),
    ];

    public async Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) =>
        new(Guid.TryParse(subject.Id, out var id) ? await db.Papers.Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync(ct) ?? "" : "");

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        var (title, t, dear, to) = (about.Title, reader.T, reader.Dear, reader.To);
        var open = t["Open the paper"];
        string When(DateTimeOffset at) => reader.When(at);
        string Paper(Guid paperId) => reader.Page($"papers/{paperId}");
        switch (kind, data)
        {
            case ("round-opened", RoundOpened opened):
                return new(t["Sign-off requested: {0}", title],
                    [
                        dear, t["Your agency ({0}) is asked to sign off \"{1}\", revision {2}.", to.AgencyCode, title, opened.Revision],
                        t["Deadline: {0}.", When(opened.Deadline)],
                        opened.Procedure == "Silence" ? t["Silence procedure: with no objection by the deadline, the text is adopted."] : t["Every participating agency must approve the text."],
                    ], open, Paper(opened.PaperId));
            case ("sign-off-reminder", SignOffReminded reminded):
                return new(t["Reminder: sign-off on \"{0}\"", title], [dear, t["Your agency ({0}) has not yet answered on \"{1}\".", to.AgencyCode, title], t["Deadline: {0}.", When(reminded.Deadline)]], open, Paper(reminded.PaperId));
            case ("round-overdue", RoundOverdue overdue):
                return new(t["Past its deadline: {0}", title],
                    [dear, t["Sign-off on \"{0}\" is past its deadline ({1}).", title, When(overdue.Deadline)], t["Not yet approved by: {0}.", string.Join(", ", overdue.NotApprovedAgencyCodes)]], open, Paper(overdue.PaperId));
            case ("sign-off-objected", SignOffRecorded objection):
                return new(t["Objection: {0}", title], [dear, t["{0} objects to \"{1}\".", objection.AgencyCode, title], t["Reason: {0}", objection.Comment ?? ""]], open, Paper(objection.PaperId));
            case ("round-broken", RoundClosed broken):
                return new(t["Silence broken: {0}", title], [dear, t["{0} broke silence on \"{1}\"; the paper is back in drafting.", broken.ObjectedBy ?? "", title], t["Reason: {0}", broken.Objection ?? ""]], open, Paper(broken.PaperId));
            case ("round-cancelled", RoundClosed cancelled):
                var why = (cancelled.Reason ?? "").StartsWith("revision", StringComparison.Ordinal) ? t["a new revision was added"] : t["the paper was withdrawn"];
                return new(t["Sign-off cancelled: {0}", title], [dear, t["Sign-off on \"{0}\" is cancelled ({1}); your agency's decision no longer counts.", title, why]], open, Paper(cancelled.PaperId));
            case ("round-completed" or "minutes-ready", RoundClosed completed):
                return new(kind == "minutes-ready" ? t["Minutes signed off: {0}", title] : t["Signed off: {0}", title], [dear, t["\"{0}\" is signed off by every participating agency.", title]], open, Paper(completed.PaperId));
            case ("paper-published", PaperPublished published):
                return new(t["Published: {0}", title], [dear, t["\"{0}\" is published.", title]], t["Read the publication"], reader.Page($"publications/{published.PaperId}"));
            case ("clearance-requested", ClearanceRequested requested):
                return new(t["Your clearance is needed: {0}", title],
                    [dear, t["\"{0}\" (revision {1}) waits for your clearance for {2}, as {3}.", title, requested.Revision, to.AgencyCode, requested.Step]], open, Paper(requested.PaperId));
            case ("clearance-sent-back", ClearanceRecorded sentBack):
                return new(t["Sent back in clearance: {0}", title],
                    [dear, t["The step {0} sent \"{1}\" back to the start of {2}'s clearance.", sentBack.Step, title, to.AgencyCode], t["Reason: {0}", sentBack.Comment ?? ""]], open, Paper(sentBack.PaperId));
            case ("correction-proposed", CorrectionProposed proposed):
                var (from, into) = (proposed.CorrectedRevision, proposed.Revision);
                return new(t["Editorial correction proposed: {0}", title],
                    [dear, t["An editorial correction of \"{0}\" is proposed (revision {1} → {2}).", title, from, into],
                        t["Unless your agency objects by {0}, it is adopted and your sign-off carries over to the corrected text.", When(proposed.Deadline)]],
                    t["See the difference"], reader.Page($"papers/{proposed.PaperId}?revision={into}&compare={from}"));
            case ("correction-objected", CorrectionObjected objected):
                return new(t["Objection to a correction: {0}", title], [dear, t["{0} objects to the correction of \"{1}\".", objected.AgencyCode, title], t["Reason: {0}", objected.Reason ?? ""]], open, Paper(objected.PaperId));
            case ("correction-adopted", CorrectionAdopted adopted):
                return new(t["Correction adopted: {0}", title], [dear, t["The editorial correction of \"{0}\" is adopted; every sign-off carries over to the corrected text.", title]], open, Paper(adopted.PaperId));
            case ("contribution-sent", ContributionSent sent):
                return new(t["{0}'s input: {1}", sent.AgencyCode, title],
                    [dear, t.Plural(sent.Count, "{1} sent {0} comment or suggestion on \"{2}\", revision {3}.", "{1} sent {0} comments and suggestions on \"{2}\", revision {3}.", sent.AgencyCode, title, sent.Revision)],
                    open, reader.Page($"papers/{sent.PaperId}?revision={sent.Revision}"));
            case ("contribution-clearance-requested", ContributionClearanceRequested asked):
                return new(t["Your clearance is needed on comments: {0}", title],
                    [dear, t["{0}'s comments and suggestions on \"{1}\" (revision {2}) wait for your clearance as {3} before they are sent.", to.AgencyCode, title, asked.Revision, asked.Step]],
                    open, reader.Page($"papers/{asked.PaperId}?revision={asked.Revision}#negotiation-title"));
            case ("contribution-sent-back", ContributionCleared back):
                return new(t["Comments sent back in clearance: {0}", title],
                    [dear, t["The step {0} sent {1}'s comments and suggestions on \"{2}\" back.", back.Step, to.AgencyCode, title], t["Reason: {0}", back.Comment ?? ""]], open, Paper(back.PaperId));
            case ("annotation-disposed", AnnotationDisposed disposed):
                var sentence = disposed.Decision switch
                {
                    "Accepted" => "An item {0} sent on \"{1}\" was accepted.",
                    "PartlyAccepted" => "An item {0} sent on \"{1}\" was partly accepted.",
                    "Rejected" => "An item {0} sent on \"{1}\" was rejected.",
                    _ => "An item {0} sent on \"{1}\" was noted.",
                };
                return new(t["Decided: {0}", title], [dear, t[sentence, disposed.AgencyCode, title]], open, Paper(disposed.PaperId));
            case ("version-review-requested", VersionAdded added):
                return new(t["Review the {0} version: {1}", t[Languages.Key(added.Language)], title],
                    [dear, t["The {0} version of \"{1}\" (its revision {2}) translates revision {3} of the original and waits for your review.", t[Languages.Key(added.Language)], title, added.Revision, added.BasedOnRevision]],
                    t["Review the version"], reader.Page($"papers/{added.PaperId}/versions/{added.Language}"));
            case ("version-sent-back", VersionReviewed back):
                return new(t["Version sent back: {0}", title],
                    [dear, t["{0} sent the {1} version of \"{2}\" back.", back.Reviewer, t[Languages.Key(back.Language)], title], t["Reason: {0}", back.Reason ?? ""]],
                    t["Open the version"], reader.Page($"papers/{back.PaperId}/versions/{back.Language}"));
            case ("version-out-of-date", VersionOutOfDate outdated):
                return new(t["Version out of date: {0}", title],
                    [dear, t["The {0} version of \"{1}\" translates revision {2}; the original is now at revision {3}.", t[Languages.Key(outdated.Language)], title, outdated.BasedOnRevision, outdated.OriginalRevision]],
                    t["Open the version"], reader.Page($"papers/{outdated.PaperId}/versions/{outdated.Language}"));
            default:
                return null;
        }
    }
}
