using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Negotiation;

/// <summary>Where the marks of a copy of the text (a Word redline) land on the revision it was made from.</summary>
public sealed class AnchoringTests
{
    private const string Text = "# Statement\n\nThe members call on **States** to protect victims of trafficking.\n\nEmployers should bear the cost of recruitment.\n";

    private static readonly IReadOnlyList<Block> Revision = Blocks.Of(Text, 1);

    private const string Second = "The members call on States to protect victims of trafficking.";

    [Fact]
    public void A_replacement_in_a_paragraph_that_reads_the_same_quotes_its_words_at_their_place()
    {
        var (anchored, unanchored) = Anchoring.Place(Revision, [new MarkedParagraph(Second, [new Mark(MarkKind.Replace, Second.IndexOf("victims", StringComparison.Ordinal), 7, "victims and survivors")])]);

        Assert.Empty(unanchored);
        var a = Assert.Single(anchored);
        Assert.Equal((Revision[1].Id, "victims", 1, AnnotationKind.Replace, "victims and survivors"), (a.Block.Id, a.Quote, a.Occurrence, a.Kind, a.Text));
    }

    [Fact]
    public void Words_that_are_formatted_in_the_text_are_quoted_with_their_markdown()
    {
        var (anchored, _) = Anchoring.Place(Revision, [new MarkedParagraph(Second, [new Mark(MarkKind.Delete, Second.IndexOf("States", StringComparison.Ordinal), 6, null)])]);

        var a = Assert.Single(anchored);
        Assert.Equal(("States", AnnotationKind.Delete), (a.Quote, a.Kind));
        Assert.Equal(Revision[1].Start + Revision[1].Text.IndexOf("States", StringComparison.Ordinal), a.Block.Start + Annotation.Find(a.Block.Text, a.Quote, a.Occurrence));
    }

    [Fact]
    public void An_insertion_goes_after_the_word_before_it_and_one_at_the_start_replaces_the_first_word()
    {
        const string third = "Employers should bear the cost of recruitment.";
        var (anchored, _) = Anchoring.Place(Revision, [new MarkedParagraph(third,
            [new Mark(MarkKind.Insert, third.IndexOf("of", StringComparison.Ordinal), 0, "and the risk "), new Mark(MarkKind.Insert, 0, 0, "All ")])]);

        Assert.Equal(("cost ", AnnotationKind.Insert, "and the risk "), (anchored[0].Quote, anchored[0].Kind, anchored[0].Text));
        Assert.Equal(("Employers", AnnotationKind.Replace, "All Employers"), (anchored[1].Quote, anchored[1].Kind, anchored[1].Text));
    }

    [Fact]
    public void A_paragraph_edited_since_is_matched_by_its_words_and_a_repeated_word_by_its_nearest_place()
    {
        const string edited = "The members call on all States to protect victims of trafficking and victims of forced labour.";
        var second = edited.LastIndexOf("victims", StringComparison.Ordinal);
        var (anchored, unanchored) = Anchoring.Place(Revision, [new MarkedParagraph(edited, [new Mark(MarkKind.Comment, 4, 7, "Which members?"), new Mark(MarkKind.Delete, second, 7, null)])]);

        Assert.Equal(("members", AnnotationKind.Comment, "Which members?"), (anchored[0].Quote, anchored[0].Kind, anchored[0].Text));
        // The second "victims" of the copy is not in the revision's paragraph: its only "victims" is the nearest.
        Assert.Equal(("victims", 1), (anchored[1].Quote, anchored[1].Occurrence));
        Assert.Empty(unanchored);
    }

    [Fact]
    public void What_cannot_be_placed_is_reported_with_its_words_and_why()
    {
        var (anchored, unanchored) = Anchoring.Place(Revision,
        [
            new MarkedParagraph("", [new Mark(MarkKind.Insert, 0, 0, "A paragraph of its own.")]),
            new MarkedParagraph("Nothing like any paragraph at all here.", [new Mark(MarkKind.Delete, 0, 7, null)]),
            new MarkedParagraph(Second, [new Mark(MarkKind.Replace, 0, Second.Length, "Another text")]),
        ]);

        Assert.Single(anchored);
        Assert.Collection(unanchored,
            u => Assert.Equal(("Insert", "A paragraph of its own."), (u.Kind, u.Text)),
            u => Assert.Equal(("Delete", "Nothing"), (u.Kind, u.Text)));
        Assert.Contains("paragraph of their own", unanchored[0].Reason, StringComparison.Ordinal);
        Assert.Contains("No paragraph of the revision reads like", unanchored[1].Reason, StringComparison.Ordinal);
    }
}
