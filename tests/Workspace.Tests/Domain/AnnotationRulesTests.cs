using Workspace.Server.Domain;
using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Domain;

/// <summary>Comments and suggestions on passages, as a specification: anchoring, overlaps, going out of date, folding, and clearing a contribution.</summary>
public sealed class AnnotationRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Ilo = new("focal@ilo.demo", "ILO");
    private static readonly Actor Iom = new("focal@iom.demo", "IOM");
    private static readonly Actor Legal = new("legal@iom.demo", "IOM");
    private const string Body = "# Statement\n\nStates protect victims of trafficking and victims of forced labour.\n\nEmployers bear the cost.\n";

    private static (Paper Paper, IReadOnlyList<Block> Blocks) Drafted()
    {
        var paper = Paper.Create("Statement", PaperKind.JointStatement, "ILO", ["IOM", "UNHCR"], null, Ilo, Now);
        paper.AddRevision(0, Body, Ilo, Now);
        return (paper, Blocks.Of(Body, 1));
    }

    private static Annotation Sent(Paper paper, Block block, string quote, AnnotationKind kind, string? text, int occurrence = 1)
    {
        var draft = Annotation.Draft(paper.Id, 1, block, quote, occurrence, kind, text, null, Iom, Now);
        paper.SendContribution([draft], 1, Iom, Now);
        return draft;
    }

    [Fact]
    public void Draft_QuotesTheChosenRepeatOfItsWords_AtItsPlaceInTheBody()
    {
        var (paper, blocks) = Drafted();
        var second = Annotation.Draft(paper.Id, 1, blocks[1], "victims", 2, AnnotationKind.Comment, "Which ones?", null, Iom, Now);

        Assert.Equal(Body.IndexOf("victims of forced", StringComparison.Ordinal), second.Start);
        Assert.Equal((AnnotationStatus.Draft, "IOM"), (second.Status, second.AgencyCode));
        Assert.Empty(second.Events);
    }

    [Fact]
    public void Draft_OfWordsNotInTheParagraph_IsNotPossible()
    {
        var (paper, blocks) = Drafted();
        var refused = Assert.Throws<FieldRefusedException>(() => Annotation.Draft(paper.Id, 1, blocks[2], "victims", 1, AnnotationKind.Delete, null, null, Iom, Now));
        Assert.Equal("quote", refused.Field);
        Assert.Throws<FieldRefusedException>(() => Annotation.Draft(paper.Id, 1, blocks[1], "victims", 3, AnnotationKind.Delete, null, null, Iom, Now));
    }

    [Fact]
    public void Overlaps_AreSuggestionsOnCrossingWords_NeverAComment_AndAnInsertionIsAPointAfterItsWords()
    {
        var (paper, blocks) = Drafted();
        var replace = Annotation.Draft(paper.Id, 1, blocks[1], "protect victims", 1, AnnotationKind.Replace, "shield victims", null, Iom, Now);
        var delete = Annotation.Draft(paper.Id, 1, blocks[1], "victims of trafficking", 1, AnnotationKind.Delete, null, null, Iom, Now);
        var comment = Annotation.Draft(paper.Id, 1, blocks[1], "protect", 1, AnnotationKind.Comment, "Why?", null, Iom, Now);
        var insertAfterStates = Annotation.Draft(paper.Id, 1, blocks[1], "States", 1, AnnotationKind.Insert, " shall", null, Iom, Now);
        var replaceStates = Annotation.Draft(paper.Id, 1, blocks[1], "States", 1, AnnotationKind.Replace, "Governments", null, Iom, Now);

        Assert.True(replace.Overlaps(delete));
        Assert.False(replace.Overlaps(comment));
        Assert.False(insertAfterStates.Overlaps(replace));
        // The point after "States" is its end: a replacement of "States" ends there too, but does not cross it.
        Assert.False(insertAfterStates.Overlaps(replaceStates));
        Assert.True(insertAfterStates.Overlaps(Annotation.Draft(paper.Id, 1, blocks[1], "States", 1, AnnotationKind.Insert, " must", null, Iom, Now)));
    }

    [Fact]
    public void Follow_MovesAnItemWhoseWordsStandUnchanged_AndOutdatesOneWhoseWordsChanged()
    {
        var (paper, blocks) = Drafted();
        var kept = Sent(paper, blocks[2], "cost", AnnotationKind.Comment, "Which cost?");
        var changed = Sent(paper, blocks[1], "forced labour", AnnotationKind.Replace, "forced or compulsory labour");
        const string next = "# Statement\n\nStates protect victims of trafficking and of forced work.\n\nEmployers bear the cost.\n";
        var second = Blocks.Of(next, 2, blocks);

        kept.Follow(2, second);
        changed.Follow(2, second);

        Assert.Equal((2, AnnotationStatus.Open, next.IndexOf("cost", StringComparison.Ordinal)), (kept.Revision, kept.Status, kept.Start));
        Assert.Equal((1, AnnotationStatus.Outdated), (changed.Revision, changed.Status));
    }

    [Fact]
    public void Fold_AppliesTheChosenSuggestionsInOneStep_ToExactlyTheExpectedText()
    {
        var (paper, blocks) = Drafted();
        var replace = Sent(paper, blocks[1], "victims", AnnotationKind.Replace, "victims and survivors");
        var insert = Sent(paper, blocks[2], "bear", AnnotationKind.Insert, " and share");
        var delete = Sent(paper, blocks[1], " and victims of forced labour", AnnotationKind.Delete, null);

        var revision = paper.AddRevisionFromSuggestions(1, Body, [delete, replace, insert], Ilo, Now);

        const string expected = "# Statement\n\nStates protect victims and survivors of trafficking.\n\nEmployers bear and share the cost.\n";
        Assert.Equal(expected, revision.Body);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected))), revision.ContentHash);
        Assert.All([replace, insert, delete], a => Assert.Equal((AnnotationStatus.Accepted, 2), (a.Status, a.AppliedInRevision)));
    }

    [Fact]
    public void Fold_OfOverlappingOrRejectedSuggestions_IsNotPossible_AndNamesThem()
    {
        var (paper, blocks) = Drafted();
        var one = Sent(paper, blocks[1], "protect victims", AnnotationKind.Replace, "shield victims");
        var other = Sent(paper, blocks[1], "victims of trafficking", AnnotationKind.Delete, null);

        var overlap = Assert.Throws<RuleBrokenException>(() => paper.AddRevisionFromSuggestions(1, Body, [one, other], Ilo, Now));
        Assert.Equal("overlapping-suggestions", overlap.Code);
        other.Dispose(Disposition.Rejected, "Kept as it is.", Ilo, ["ILO", "IOM"]);
        var rejected = Assert.Throws<RuleBrokenException>(() => paper.AddRevisionFromSuggestions(1, Body, [other], Ilo, Now));
        Assert.Equal("suggestions-not-applicable", rejected.Code);
        Assert.Contains(other.Id.ToString(), rejected.Message, StringComparison.Ordinal);
        Assert.Equal(1, paper.LatestRevisionNumber);
    }

    [Fact]
    public void Dispose_WithoutAReason_IsNotPossible_UnlessAccepting_AndNotedIsForComments()
    {
        var (paper, blocks) = Drafted();
        var suggestion = Sent(paper, blocks[1], "victims", AnnotationKind.Replace, "survivors");

        Assert.Equal("reason-required", Assert.Throws<RuleBrokenException>(() => suggestion.Dispose(Disposition.Rejected, " ", Ilo, ["IOM"])).Code);
        Assert.Equal("noted-is-for-comments", Assert.Throws<RuleBrokenException>(() => suggestion.Dispose(Disposition.Noted, "Seen.", Ilo, ["IOM"])).Code);
        suggestion.Dispose(Disposition.Accepted, null, Ilo, ["IOM"]);
        Assert.Equal(AnnotationStatus.Accepted, suggestion.Status);
    }

    [Fact]
    public void ClearContribution_IsBoundToItsContent_InOrder_ByTheStepsHolders()
    {
        var (paper, blocks) = Drafted();
        var draft = Annotation.Draft(paper.Id, 1, blocks[1], "victims", 1, AnnotationKind.Replace, "survivors", null, Iom, Now);
        var contribution = Contribution.ForClearance(paper.Id, paper.Title, 1, [draft], [new("Legal", ["legal@iom.demo"]), new("Head", ["head@iom.demo"])], Iom, Now);
        var hash = contribution.ContentHash;

        Assert.IsType<NotPermittedException>(Record.Exception(() => contribution.Clear(paper.Title, hash, [draft], "Legal", ClearanceDecision.Approve, null, Iom, Now)));
        Assert.Equal("clearance-out-of-order",
            Assert.Throws<RuleBrokenException>(() => contribution.Clear(paper.Title, hash, [draft], "Head", ClearanceDecision.Approve, null, new Actor("head@iom.demo", "IOM"), Now)).Code);
        draft.Edit("survivors of trafficking", null);
        Assert.Equal("contribution-changed",
            Assert.Throws<RuleBrokenException>(() => contribution.Clear(paper.Title, hash, [draft], "Legal", ClearanceDecision.Approve, null, Legal, Now)).Code);

        contribution.Restart(paper.Title, [draft], contribution.Steps, Iom);
        Assert.NotEqual(hash, contribution.ContentHash);
        Assert.False(contribution.Clear(paper.Title, contribution.ContentHash, [draft], "Legal", ClearanceDecision.Approve, null, Legal, Now));
        Assert.Equal("Head", contribution.WaitingFor?.Name);
        Assert.True(contribution.Clear(paper.Title, contribution.ContentHash, [draft], "Head", ClearanceDecision.Approve, null, new Actor("head@iom.demo", "IOM"), Now));
        Assert.Equal(ContributionStatus.Sent, contribution.Status);
        Assert.All(contribution.Events, e => Assert.True(e.Audience.IsInternal));
    }
}
