using Workspace.Server.Features.Papers.Pages;
using static Workspace.Server.Features.Papers.Pages.RenderedDiff;

namespace Workspace.Tests.Ui;

/// <summary>What changed between two revisions, paragraph by paragraph, with the changed words inside the sentence.</summary>
public sealed class RenderedDiffTests
{
    private const string Before = "# Joint statement\n\nThe members call on States to act.\n\n- Protect victims.\n- Prosecute traffickers.\n\nAn old closing line.\n";

    private const string After = "# Joint statement\n\nThe members call on all States to act **now**.\n\n- Protect victims and survivors.\n- Prosecute traffickers.\n\nA new paragraph on data.\n";

    [Fact]
    public void A_changed_phrase_is_marked_inside_its_sentence_and_unchanged_paragraphs_are_kept_as_they_read()
    {
        var diff = RenderedDiff.Of(Before, After);

        Assert.Equal([Change.Same, Change.Changed, Change.Changed, Change.Changed], diff.Blocks.Select(b => b.Change));
        var sentence = diff.Blocks[1];
        Assert.Equal("The members call on all States to act now.", string.Concat(sentence.New.Select(p => p.Text)));
        Assert.Equal("The members call on States to act.", string.Concat(sentence.Old.Select(p => p.Text)));
        Assert.Equal(["all "], sentence.New.Where(p => p.Change == Change.Added).Select(p => p.Text.TrimStart()).Take(1));
        Assert.DoesNotContain(sentence.Inline, p => p.Change == Change.Removed && p.Text.Contains("members", StringComparison.Ordinal));
        Assert.Equal("# Joint statement", diff.Blocks[0].Markdown);
        Assert.Equal("Protect victims and survivors. Prosecute traffickers.", string.Concat(diff.Blocks[2].New.Select(p => p.Text)));
        Assert.Equal(" and survivors", string.Concat(diff.Blocks[2].New.Where(p => p.Change == Change.Added).Select(p => p.Text)));
    }

    [Fact]
    public void Paragraphs_added_or_removed_are_whole_and_the_counts_say_so()
    {
        var diff = RenderedDiff.Of("First.\n\nSecond.\n\nThird.\n", "First.\n\nThird.\n\nFourth, new.\n\nFifth, new.\n");

        Assert.Equal([Change.Same, Change.Removed, Change.Same, Change.Added, Change.Added], diff.Blocks.Select(b => b.Change));
        Assert.Equal("Second.", Assert.Single(diff.Blocks[1].Old).Text);
        Assert.Equal((0, 2, 1), (diff.Changed, diff.Added, diff.Removed));
        Assert.Equal(RenderedDiff.Of("Same.\n", "Same.\n").Blocks.Select(b => b.Change), [Change.Same]);
    }
}
