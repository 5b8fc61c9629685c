using Workspace.Server.Domain;
using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Domain;

/// <summary>Rules per kind of paper, clearance inside an agency and alternates, without a database.</summary>
public sealed class SignOffPracticeRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Ilo = new("focal@ilo.demo", "ILO");
    private static readonly Actor Iom = new("focal@iom.demo", "IOM");
    private static readonly Actor Unhcr = new("focal@unhcr.demo", "UNHCR");
    private static readonly Actor UnhcrLegal = new("legal@unhcr.demo", "UNHCR");
    private static readonly Actor UnhcrHead = new("head@unhcr.demo", "UNHCR");
    private static readonly int[] Reminders = [24];

    private static readonly ClearanceStep[] UnhcrChain =
    [
        new("Focal point", ["focal@unhcr.demo"]),
        new("Legal", ["legal@unhcr.demo"]),
        new("Head of office", ["head@unhcr.demo"]),
    ];

    private static Paper InClearance(Procedure procedure, out Round round, out string hash)
    {
        var paper = Paper.Create("Submission", PaperKind.Submission, "ILO", ["UNHCR", "IOM"], null, Ilo, Now);
        hash = paper.AddRevision(0, "Text", Ilo, Now).ContentHash;
        var rule = SignOffRule.Default(PaperKind.Submission);
        rule.Change(Signers.Participants, [], procedure, TimeSpan.Zero, clearanceRequired: true, Ilo, Now);
        round = paper.OpenRound(1, procedure, Now.AddDays(3), Ilo, Now, Reminders,
            rule.Terms(paper.ParticipatingAgencyCodes, new Dictionary<string, IReadOnlyList<ClearanceStep>> { ["UNHCR"] = UnhcrChain }));
        return paper;
    }

    private static RoundAgency Of(Round round, string agency) => round.Agencies.Single(a => a.AgencyCode == agency);

    [Fact]
    public void SignersOf_AllMembers_IsEveryMember_WithTheParticipants()
    {
        var rule = SignOffRule.Default(PaperKind.JointStatement);
        rule.Change(Signers.AllMembers, [], Procedure.Silence, TimeSpan.FromDays(2), false, Ilo, Now);
        Assert.Equal(["ILO", "IOM", "UNHCR", "UNICEF"], rule.SignersOf(["UNICEF", "ILO", "IOM", "UNHCR"], null, ["ILO"]));
    }

    [Fact]
    public void SignersOf_WorkingGroup_IsTheGroupsMembers_AndNamed_IsTheList()
    {
        var brief = SignOffRule.Default(PaperKind.IssueBrief);
        brief.Change(Signers.WorkingGroup, ["OHCHR"], Procedure.Unanimous, TimeSpan.Zero, false, Ilo, Now);
        Assert.Equal(["ILO", "IOM", "UNICEF"], brief.SignersOf(["OHCHR", "ILO", "IOM", "UNICEF"], ["IOM", "UNICEF"], ["ILO"]));
        Assert.Empty(brief.AgencyCodes);

        var named = SignOffRule.Default(PaperKind.Other);
        named.Change(Signers.Named, ["UNODC", "OHCHR"], Procedure.Unanimous, TimeSpan.Zero, false, Ilo, Now);
        Assert.Equal(["ILO", "OHCHR", "UNODC"], named.SignersOf(["ILO", "OHCHR", "UNODC", "IOM"], null, ["ILO"]));
        Assert.Equal("no-signers", Assert.Throws<RuleBrokenException>(() => named.Change(Signers.Named, [], Procedure.Unanimous, TimeSpan.Zero, false, Ilo, Now)).Code);
    }

    [Fact]
    public void OpenRound_WithSignersWhoDoNotTakePart_MakesThemParticipants_AndTheRoundRecordsTheRule()
    {
        var paper = Paper.Create("Heads' statement", PaperKind.JointStatement, "ILO", ["IOM"], null, Ilo, Now);
        paper.AddRevision(0, "Text", Ilo, Now);
        var terms = new RoundTerms(Signers.AllMembers, false, ["ILO", "IOM", "OHCHR", "UNICEF"], new Dictionary<string, IReadOnlyList<ClearanceStep>>());

        var round = paper.OpenRound(1, Procedure.Silence, Now.AddDays(3), Ilo, Now, Reminders, terms);

        Assert.Equal(["ILO", "IOM", "OHCHR", "UNICEF"], paper.ParticipatingAgencyCodes);
        Assert.Equal(["ILO", "IOM", "OHCHR", "UNICEF"], round.Agencies.Select(a => a.AgencyCode));
        Assert.Equal((Signers.AllMembers, false), (round.Signers, round.ClearanceRequired));
        var joined = paper.Events.Single(e => e.Type == "paper.participants-added");
        Assert.Contains("OHCHR", joined.Audience.AgencyCodes);
        Assert.Contains("OHCHR", paper.Events.Single(e => e.Type == "paper.round-opened").Notice!.AgencyCodes);
    }

    [Fact]
    public void Clearance_StepsApproveInOrder_AndTheLastStepsApprovalIsTheAgencysApprove()
    {
        var paper = InClearance(Procedure.Unanimous, out var round, out var hash);

        Assert.Equal("clearance-out-of-order", Assert.Throws<RuleBrokenException>(() => paper.RecordClearance(1, hash, "Legal", ClearanceDecision.Approve, null, UnhcrLegal, Now)).Code);
        paper.RecordClearance(1, hash, "focal point", ClearanceDecision.Approve, null, Unhcr, Now);
        Assert.Equal((AgencySignOffStatus.InClearance, 1), (Of(round, "UNHCR").Status, Of(round, "UNHCR").ClearedSteps));
        Assert.Equal("clearance-out-of-order", Assert.Throws<RuleBrokenException>(() => paper.RecordClearance(1, hash, "Focal point", ClearanceDecision.Approve, null, Unhcr, Now)).Code);
        paper.RecordClearance(1, hash, "Legal", ClearanceDecision.Approve, null, UnhcrLegal, Now);
        Assert.Equal(AgencySignOffStatus.InClearance, Of(round, "UNHCR").Status);
        paper.RecordClearance(1, hash, "Head of office", ClearanceDecision.Approve, "Cleared.", UnhcrHead, Now);

        Assert.Equal((AgencySignOffStatus.Approved, "head@unhcr.demo"), (Of(round, "UNHCR").Status, Of(round, "UNHCR").By));
        Assert.Equal(3, round.Clearances.Count);
        Assert.Single(round.Decisions, d => d.AgencyCode == "UNHCR" && d.Decision == Decision.Approve);
        Assert.Equal("already-cleared", Assert.Throws<RuleBrokenException>(() => paper.RecordClearance(1, hash, "Legal", ClearanceDecision.SendBack, "Too late", UnhcrLegal, Now)).Code);
    }

    [Fact]
    public void Clearance_SendBack_StartsTheChainOver_AndSaysWhy()
    {
        var paper = InClearance(Procedure.Unanimous, out var round, out var hash);
        paper.RecordClearance(1, hash, "Focal point", ClearanceDecision.Approve, null, Unhcr, Now);

        Assert.Equal("send-back-without-reason", Assert.Throws<RuleBrokenException>(() => paper.RecordClearance(1, hash, "Legal", ClearanceDecision.SendBack, " ", UnhcrLegal, Now)).Code);
        paper.RecordClearance(1, hash, "Legal", ClearanceDecision.SendBack, "Paragraph 3.", UnhcrLegal, Now);

        Assert.Equal((AgencySignOffStatus.InClearance, 0), (Of(round, "UNHCR").Status, Of(round, "UNHCR").ClearedSteps));
        var sentBack = paper.Events.Single(e => e.Type == "paper.clearance-recorded" && e.Notice is not null);
        Assert.Equal("clearance-sent-back", sentBack.Notice!.Kind);
        Assert.Equal(["legal@unhcr.demo"], sentBack.Notice.ExceptEmails!);
        // It is the focal point's turn again.
        Assert.Equal(["focal@unhcr.demo"], paper.Events.Last(e => e.Type == "paper.clearance-requested").Notice!.OnlyEmails!);
    }

    [Fact]
    public void Clearance_OnlyTheStepsHolders_OrTheirAlternate_ClearAStep()
    {
        var paper = InClearance(Procedure.Unanimous, out var round, out var hash);
        paper.RecordClearance(1, hash, "Focal point", ClearanceDecision.Approve, null, Unhcr, Now);

        Assert.Throws<NotPermittedException>(() => paper.RecordClearance(1, hash, "Legal", ClearanceDecision.Approve, null, UnhcrHead, Now));
        var alternate = new Actor("deputy@unhcr.demo", "UNHCR") { OnBehalfOf = "legal@unhcr.demo" };
        paper.RecordClearance(1, hash, "Legal", ClearanceDecision.Approve, null, alternate, Now);

        var action = round.Clearances[^1];
        Assert.Equal(("deputy@unhcr.demo", "legal@unhcr.demo"), (action.By, action.OnBehalfOf));
    }

    [Fact]
    public void Approve_BeforeTheAgencysClearanceIsComplete_IsNotPossible_ButAnObjectionIsAlways()
    {
        var paper = InClearance(Procedure.Unanimous, out var round, out var hash);

        Assert.Equal("clearance-incomplete", Assert.Throws<RuleBrokenException>(() => paper.RecordSignOff(1, hash, Decision.Approve, null, Unhcr, Now)).Code);
        paper.RecordSignOff(1, hash, Decision.Approve, null, Iom, Now);
        paper.RecordSignOff(1, hash, Decision.Object, "Not without clearing the wording.", Unhcr, Now);

        Assert.Equal(AgencySignOffStatus.Objected, Of(round, "UNHCR").Status);
        Assert.Equal("no-clearance", Assert.Throws<RuleBrokenException>(() => paper.RecordClearance(1, hash, "Legal", ClearanceDecision.Approve, null, Iom, Now)).Code);
    }

    [Fact]
    public void Silence_AdoptsForAnAgencyStillClearingInside()
    {
        var paper = InClearance(Procedure.Silence, out var round, out var hash);
        paper.RecordClearance(1, hash, "Focal point", ClearanceDecision.Approve, null, Unhcr, Now);

        Assert.True(paper.CloseSilenceIfDue(Now.AddDays(3)));

        Assert.Equal(AgencySignOffStatus.AdoptedBySilence, Of(round, "UNHCR").Status);
        Assert.Equal(PaperState.SignedOff, paper.State);
    }

    [Fact]
    public void Clearance_EventsAreInternalToTheAgency_OthersLearnOnlyThatItIsClearing()
    {
        var paper = InClearance(Procedure.Unanimous, out _, out var hash);
        paper.ClearEvents();
        paper.RecordClearance(1, hash, "Focal point", ClearanceDecision.Approve, "Fine by me.", Unhcr, Now);

        var recorded = paper.Events.Single(e => e.Type == "paper.clearance-recorded");
        Assert.True(recorded.Audience.IsInternal);
        Assert.Equal(["UNHCR"], recorded.Audience.AgencyCodes);
        Assert.All(paper.Events.Where(e => e.Type.StartsWith("paper.clearance-", StringComparison.Ordinal)), e => Assert.True(e.Audience.IsInternal));
        var status = paper.Events.Single(e => e.Type == "paper.agency-status-changed");
        Assert.False(status.Audience.IsInternal);
        Assert.DoesNotContain("Fine by me", System.Text.Json.JsonSerializer.Serialize(status.Data), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlternate_HoldsOnlyWithinItsPeriod_AndNotOnceEnded()
    {
        var alternate = Alternate.Name(Iom, "deputy@iom.demo", "IOM", Now, Now.AddDays(2), Now);

        Assert.True(alternate.HoldsAt(Now));
        Assert.False(alternate.HoldsAt(Now.AddDays(2)));
        Assert.False(alternate.HoldsAt(Now.AddMinutes(-1)));
        alternate.End(Iom, Now.AddHours(1));
        Assert.False(alternate.HoldsAt(Now.AddHours(2)));
        Assert.Equal(["person.alternate-named", "person.alternate-ended"], alternate.Events.Select(e => e.Type));
    }

    [Fact]
    public void AnAlternate_IsSomeoneElseOfTheSameAgency_ForAPeriodEndingInTheFuture()
    {
        Assert.Equal("alternate-is-self", Assert.Throws<RuleBrokenException>(() => Alternate.Name(Iom, "FOCAL@iom.demo", "IOM", Now, Now.AddDays(1), Now)).Code);
        Assert.Equal("alternate-of-another-agency", Assert.Throws<RuleBrokenException>(() => Alternate.Name(Iom, "focal@ilo.demo", "ILO", Now, Now.AddDays(1), Now)).Code);
        Assert.Equal("alternate-period", Assert.Throws<RuleBrokenException>(() => Alternate.Name(Iom, "deputy@iom.demo", "IOM", Now.AddDays(-2), Now.AddDays(-1), Now)).Code);
    }

    [Fact]
    public void AClearanceChain_IsHeldByPeopleOfItsAgency_WithDistinctStepNames()
    {
        var chain = ClearanceChain.For("UNHCR");
        string[] people = ["focal@unhcr.demo", "legal@unhcr.demo"];

        Assert.Equal("not-of-the-agency", Assert.Throws<RuleBrokenException>(() => chain.Change([new("Legal", ["focal@iom.demo"])], people, Unhcr, Now)).Code);
        Assert.Equal("duplicate-step", Assert.Throws<RuleBrokenException>(() => chain.Change([new("Legal", ["legal@unhcr.demo"]), new("legal", ["focal@unhcr.demo"])], people, Unhcr, Now)).Code);
        chain.Change([new(" Legal ", ["LEGAL@unhcr.demo"])], people, Unhcr, Now);
        Assert.Equal(new ClearanceStep("Legal", ["legal@unhcr.demo"]).Name, Assert.Single(chain.Steps).Name);
        Assert.Equal(["legal@unhcr.demo"], chain.Steps[0].Emails);
    }
}

/// <summary>Editorial corrections after sign-off, without a database.</summary>
public sealed class CorrectionRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Ilo = new("focal@ilo.demo", "ILO");
    private static readonly Actor Iom = new("focal@iom.demo", "IOM");
    private static readonly Actor Unhcr = new("focal@unhcr.demo", "UNHCR");

    private static Paper SignedOff()
    {
        var paper = Paper.Create("Statement", PaperKind.JointStatement, "ILO", ["UNHCR", "IOM"], null, Ilo, Now);
        var hash = paper.AddRevision(0, "Text", Ilo, Now).ContentHash;
        paper.OpenRound(1, Procedure.Unanimous, Now.AddDays(3), Ilo, Now, []);
        foreach (var agency in new[] { Ilo, Iom, Unhcr })
        {
            paper.RecordSignOff(1, hash, Decision.Approve, null, agency, Now);
        }

        return paper;
    }

    [Fact]
    public void ACorrection_NobodyObjectsTo_IsAdoptedAtItsDeadline_CarryingEverySignOffOver()
    {
        var paper = SignedOff();
        var (revision, correction) = paper.ProposeCorrection(1, "Text, corrected", Ilo, Now, TimeSpan.FromHours(48));

        Assert.False(paper.AdoptCorrectionIfDue(correction, Now.AddHours(47)));
        Assert.True(paper.AdoptCorrectionIfDue(correction, Now.AddHours(48)));

        var round = paper.CurrentRound!;
        Assert.Equal((2, revision.Number, revision.ContentHash, RoundStatus.Completed, 1), (round.Number, round.RevisionNumber, round.ContentHash, round.Status, round.CarriedOverFromRound));
        Assert.All(round.Agencies, a => Assert.Equal(AgencySignOffStatus.Approved, a.Status));
        Assert.Equal((CorrectionStatus.Adopted, (int?)null, PaperState.SignedOff), (correction.Status, paper.PendingCorrectionRevision, paper.State));
        Assert.False(paper.AdoptCorrectionIfDue(correction, Now.AddHours(49)));
    }

    [Fact]
    public void ACorrection_OfAPublishedPaper_ChangesThePublishedText_AndSaysWhen()
    {
        var paper = SignedOff();
        paper.Publish("S", [], "Text", Ilo, Now);
        var (revision, correction) = paper.ProposeCorrection(1, "Text, corrected", Ilo, Now, TimeSpan.FromHours(48));
        paper.AdoptCorrectionIfDue(correction, Now.AddHours(48));

        Assert.Equal((revision.Number, revision.ContentHash, Now.AddHours(48)), (paper.PublishedRevisionNumber, paper.PublishedContentHash, paper.CorrectedAt));
        Assert.True(paper.Events.Single(e => e.Type == "paper.correction-adopted").Audience.IsEveryone);
    }

    [Fact]
    public void AnObjection_ByASignatory_SendsASignedOffPaperBackToDrafting_ButLeavesAPublishedTextAlone()
    {
        var paper = SignedOff();
        var (_, correction) = paper.ProposeCorrection(1, "Text, changed", Ilo, Now, TimeSpan.FromHours(48));
        paper.ObjectToCorrection(correction, "Substance.", Unhcr, Now.AddHours(1));
        Assert.Equal((CorrectionStatus.Objected, PaperState.Drafting), (correction.Status, paper.State));
        Assert.False(paper.AdoptCorrectionIfDue(correction, Now.AddHours(48)));

        var published = SignedOff();
        published.Publish("S", [], "Text", Ilo, Now);
        var (_, refused) = published.ProposeCorrection(1, "Text, changed", Ilo, Now, TimeSpan.FromHours(48));
        published.ObjectToCorrection(refused, "Substance.", Iom, Now.AddHours(1));
        Assert.Equal((PaperState.Published, 1), (published.State, published.PublishedRevisionNumber));
    }

    [Fact]
    public void AnObjection_AfterTheDeadline_OrByANonSignatory_IsNotPossible()
    {
        var paper = SignedOff();
        var (_, correction) = paper.ProposeCorrection(1, "Text, corrected", Ilo, Now, TimeSpan.FromHours(48));

        Assert.Equal("correction-closed", Assert.Throws<RuleBrokenException>(() => paper.ObjectToCorrection(correction, "Late.", Iom, Now.AddHours(48))).Code);
        Assert.Throws<NotPermittedException>(() => paper.ObjectToCorrection(correction, "Not ours.", new Actor("focal@ohchr.demo", "OHCHR"), Now));
        Assert.Equal("objection-without-reason", Assert.Throws<RuleBrokenException>(() => paper.ObjectToCorrection(correction, " ", Iom, Now)).Code);
    }

    [Fact]
    public void ACorrection_OnlyAfterSignOff_OneAtATime_AndNotOfNothing()
    {
        var draft = Paper.Create("Draft", PaperKind.IssuePaper, "ILO", [], null, Ilo, Now);
        draft.AddRevision(0, "Text", Ilo, Now);
        Assert.Equal("wrong-state", Assert.Throws<RuleBrokenException>(() => draft.ProposeCorrection(1, "Fixed", Ilo, Now, TimeSpan.FromHours(48))).Code);

        var paper = SignedOff();
        Assert.Equal("no-change", Assert.Throws<RuleBrokenException>(() => paper.ProposeCorrection(1, "Text", Ilo, Now, TimeSpan.FromHours(48))).Code);
        paper.ProposeCorrection(1, "Text.", Ilo, Now, TimeSpan.FromHours(48));
        Assert.Equal("correction-pending", Assert.Throws<RuleBrokenException>(() => paper.ProposeCorrection(2, "Text!", Ilo, Now, TimeSpan.FromHours(48))).Code);
    }
}

/// <summary>The co-chairs' report as drafted from the record, without a database.</summary>
public sealed class AnnualReportRulesTests
{
    [Fact]
    public void A_calendar_year_is_titled_as_the_years_report_and_any_other_period_by_its_days()
    {
        Assert.Equal("Annual report of the co-chairs, 2026", AnnualReport.Title(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal("Report of the co-chairs, 1 March 2026 to 28 February 2027", AnnualReport.Title(new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28)));
    }

    [Fact]
    public void Titles_from_the_record_are_text_not_markup_and_an_empty_period_says_so()
    {
        var group = Guid.NewGuid();
        var body = AnnualReport.Compose(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [("ILO", "UNHCR", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))],
            [new("Brief on *online* recruitment | data", PaperKind.IssueBrief, new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), ["ILO", "IOM"], group)],
            [], [new AnnualReport.Group(group, "Working group on data", "IOM")]);

        Assert.Contains(@"- *Brief on \*online\* recruitment \| data*, published 2 March 2026; signed by ILO, IOM", body, StringComparison.Ordinal);
        Assert.Contains("### Issue briefs (1)", body, StringComparison.Ordinal);
        Assert.Contains("No meeting was held in this period.", body, StringComparison.Ordinal);
        Assert.Contains("- Working group on data (led by IOM): 0 meetings, 1 publication", body, StringComparison.Ordinal);
    }
}
