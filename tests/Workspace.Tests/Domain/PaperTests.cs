using Workspace.Server.Domain;
using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Domain;

/// <summary>The paper's rules, without a database.</summary>
public sealed class PaperTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Ilo = new("focal@ilo.demo", "ILO");
    private static readonly Actor Iom = new("focal@iom.demo", "IOM");
    private static readonly Actor Unhcr = new("focal@unhcr.demo", "UNHCR");
    private static readonly int[] Reminders = [48, 24];

    private static Paper Drafted(out Revision revision)
    {
        var paper = Paper.Create("Statement", PaperKind.JointStatement, "ILO", ["UNHCR", "IOM"], null, Ilo, Now);
        revision = paper.AddRevision(0, "Text", Ilo, Now);
        return paper;
    }

    private static Paper InSignOff(Procedure procedure, out Round round, out Revision revision)
    {
        var paper = Drafted(out revision);
        round = paper.OpenRound(1, procedure, Now.AddDays(3), Ilo, Now, Reminders);
        return paper;
    }

    [Fact]
    public void Create_IncludesTheLeadAmongParticipants_AndStartsInDrafting()
    {
        var paper = Paper.Create(" Statement ", PaperKind.IssueBrief, "ILO", ["UNHCR", "IOM", "UNHCR"], null, Ilo, Now);

        Assert.Equal(PaperState.Drafting, paper.State);
        Assert.Equal("Statement", paper.Title);
        Assert.Equal(["ILO", "IOM", "UNHCR"], paper.ParticipatingAgencyCodes);
        Assert.Equal(["ILO", "IOM", "UNHCR"], Assert.Single(paper.Events).Audience.AgencyCodes);
    }

    [Fact]
    public void AddRevision_HashesTheUtf8Body()
    {
        Drafted(out var revision);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Text"u8)), revision.ContentHash);
        Assert.Equal(1, revision.Number);
    }

    [Fact]
    public void AddRevision_OnAStaleBase_IsNotPossible()
    {
        var paper = Drafted(out _);
        paper.AddRevision(1, "Second", Iom, Now);

        var refused = Assert.Throws<RuleBrokenException>(() => paper.AddRevision(1, "Lost update", Unhcr, Now));
        Assert.Equal("stale-revision", refused.Code);
        Assert.Equal(2, refused.Extensions["currentRevision"]);
        Assert.Equal(2, paper.LatestRevisionNumber);
    }

    [Fact]
    public void AddRevision_DuringSignOff_CancelsTheRoundAndReturnsToDrafting()
    {
        var paper = InSignOff(Procedure.Unanimous, out var round, out var revision);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Iom, Now);
        paper.AddRevision(1, "Changed", Unhcr, Now);

        Assert.Equal(PaperState.Drafting, paper.State);
        Assert.Equal(RoundStatus.Cancelled, round.Status);
        var cancelled = paper.Events.Single(e => e.Type == "paper.round-closed");
        Assert.Equal(["IOM"], cancelled.Notice!.AgencyCodes);
    }

    [Fact]
    public void OpenRound_OnlyOnTheLatestRevision_WithAFutureDeadline_FromDrafting()
    {
        var paper = Drafted(out var revision);
        paper.AddRevision(1, "Second", Ilo, Now);

        Assert.Equal("stale-revision", Assert.Throws<RuleBrokenException>(() => paper.OpenRound(1, Procedure.Silence, Now.AddDays(1), Ilo, Now, Reminders)).Code);
        Assert.Equal("deadline-passed", Assert.Throws<RuleBrokenException>(() => paper.OpenRound(2, Procedure.Silence, Now, Ilo, Now, Reminders)).Code);
        paper.OpenRound(2, Procedure.Silence, Now.AddDays(1), Ilo, Now, Reminders);
        Assert.Equal("wrong-state", Assert.Throws<RuleBrokenException>(() => paper.OpenRound(2, Procedure.Silence, Now.AddDays(1), Ilo, Now, Reminders)).Code);
    }

    [Fact]
    public void OpenRound_MarksRemindersWhoseMomentHasPassedAsSent()
    {
        var paper = Drafted(out var revision);
        var round = paper.OpenRound(1, Procedure.Silence, Now.AddHours(30), Ilo, Now, Reminders);
        Assert.Equal([48], round.RemindersSent);
    }

    [Fact]
    public void RecordSignOff_OnAnotherTextOrForANonParticipant_IsNotPossible()
    {
        var paper = InSignOff(Procedure.Unanimous, out _, out var revision);

        Assert.Equal("stale-sign-off", Assert.Throws<RuleBrokenException>(() => paper.RecordSignOff(1, "sha256:other", Decision.Approve, null, Iom, Now)).Code);
        Assert.Equal("not-a-participant", Assert.Throws<RuleBrokenException>(() => paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, new Actor("focal@who.demo", "WHO"), Now)).Code);
        Assert.Equal("objection-without-reason", Assert.Throws<RuleBrokenException>(() => paper.RecordSignOff(1, revision.ContentHash, Decision.Object, " ", Iom, Now)).Code);
    }

    [Fact]
    public void Unanimous_CompletesWhenEveryAgencyApproved_AnObjectionKeepsItOpen()
    {
        var paper = InSignOff(Procedure.Unanimous, out var round, out var revision);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Object, "Not yet", Unhcr, Now);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Ilo, Now);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Iom, Now);
        Assert.Equal(PaperState.InSignOff, paper.State);

        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Unhcr, Now);
        Assert.Equal(PaperState.SignedOff, paper.State);
        Assert.Equal(RoundStatus.Completed, round.Status);
        Assert.Equal(4, round.Decisions.Count);
    }

    [Fact]
    public void Silence_AnObjectionBreaksIt_TheDeadlineAdoptsIt()
    {
        var broken = InSignOff(Procedure.Silence, out var brokenRound, out var revision);
        broken.RecordSignOff(1, revision.ContentHash, Decision.Object, "No", Unhcr, Now);
        Assert.Equal((PaperState.Drafting, RoundStatus.Broken), (broken.State, brokenRound.Status));

        var adopted = InSignOff(Procedure.Silence, out var round, out var text);
        adopted.RecordSignOff(1, text.ContentHash, Decision.Approve, null, Iom, Now);
        Assert.False(adopted.CloseSilenceIfDue(Now.AddDays(3).AddTicks(-1)));
        Assert.True(adopted.CloseSilenceIfDue(Now.AddDays(3)));
        Assert.False(adopted.CloseSilenceIfDue(Now.AddDays(4)));
        Assert.Equal(PaperState.SignedOff, adopted.State);
        Assert.Equal([AgencySignOffStatus.AdoptedBySilence, AgencySignOffStatus.Approved, AgencySignOffStatus.AdoptedBySilence],
            round.Agencies.OrderBy(a => a.AgencyCode).Select(a => a.Status));
    }

    [Fact]
    public void Reminders_GoToPendingAgenciesOnce_EvenWhenSeveralMomentsPassedAtOnce()
    {
        var paper = InSignOff(Procedure.Silence, out var round, out var revision);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Iom, Now);

        Assert.False(paper.RemindIfDue(Now.AddHours(23), Reminders));
        Assert.True(paper.RemindIfDue(Now.AddHours(60), Reminders));
        Assert.False(paper.RemindIfDue(Now.AddHours(61), Reminders));
        var reminder = Assert.Single(paper.Events, e => e.Type == "paper.sign-off-reminder");
        Assert.Equal(["ILO", "UNHCR"], reminder.Notice!.AgencyCodes);
        Assert.Equal([24, 48], round.RemindersSent);
    }

    [Fact]
    public void Publish_OnlyFromSignedOff_AndOnlyTheApprovedText()
    {
        var paper = InSignOff(Procedure.Unanimous, out _, out var revision);
        Assert.Equal("wrong-state", Assert.Throws<RuleBrokenException>(() => paper.Publish("S", [], "Text", Ilo, Now)).Code);
        foreach (var agency in new[] { Ilo, Iom, Unhcr })
        {
            paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, agency, Now);
        }

        Assert.Equal("content-mismatch", Assert.Throws<RuleBrokenException>(() => paper.Publish("S", [], "Text, edited", Ilo, Now)).Code);
        paper.Publish(" Summary ", ["Global", " ", "Global"], "Text", Ilo, Now);
        Assert.Equal(PaperState.Published, paper.State);
        Assert.Equal(["Global"], paper.PublicationTags);
        Assert.Equal(["ILO", "IOM", "UNHCR"], paper.SignatoryAgencyCodes);
        Assert.True(paper.Events.Single(e => e.Type == "paper.published").Audience.IsEveryone);
    }

    [Fact]
    public void The_workflow_lists_what_each_capacity_may_do()
    {
        Assert.Equal([PaperAction.AddRevision, PaperAction.Comment, PaperAction.SignOff, PaperAction.Clear, PaperAction.Translate],
            PaperWorkflow.AllowedActions(PaperState.InSignOff, Capacity.Viewer | Capacity.Participant));
        Assert.Equal([PaperAction.Comment, PaperAction.Publish, PaperAction.Withdraw, PaperAction.ProposeCorrection, PaperAction.Translate],
            PaperWorkflow.AllowedActions(PaperState.SignedOff, Capacity.Viewer | Capacity.Secretariat | Capacity.Lead));
        Assert.Equal([PaperAction.ProposeCorrection, PaperAction.ObjectToCorrection, PaperAction.Translate],
            PaperWorkflow.AllowedActions(PaperState.Published, Capacity.Viewer | Capacity.Secretariat | Capacity.Lead | Capacity.Participant));
        Assert.Equal([PaperAction.ObjectToCorrection, PaperAction.Translate], PaperWorkflow.AllowedActions(PaperState.Published, Capacity.Viewer | Capacity.Participant));
        // Someone who only sees the paper (a lead's viewer without participation) writes no version of it.
        Assert.DoesNotContain(PaperAction.Translate, PaperWorkflow.AllowedActions(PaperState.Drafting, Capacity.Viewer | Capacity.Lead));
        Assert.Empty(PaperWorkflow.AllowedActions(PaperState.Withdrawn, Capacity.Viewer | Capacity.Secretariat | Capacity.Lead | Capacity.Participant));
    }

    [Fact]
    public void Every_event_names_who_acted_and_timed_outcomes_name_the_system()
    {
        var paper = InSignOff(Procedure.Silence, out _, out _);
        Assert.All(paper.Events, e => Assert.Equal(Ilo.Email, e.Actor));
        paper.ClearEvents();

        Assert.True(paper.CloseSilenceIfDue(Now.AddDays(4)));

        Assert.NotEmpty(paper.Events);
        Assert.All(paper.Events, e => Assert.Equal("system", e.Actor));
    }
}
