using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Domain;

/// <summary>A paper's text as numbered blocks whose ids live as long as the blocks do, across revisions.</summary>
public sealed class BlockIdentityTests
{
    private const string First = """
        # Joint statement on recruitment fees

        The members of the group call on States to end recruitment fees charged to workers.

        Employers should bear the full cost of recruitment, including travel and documents.

        - Ratify the Forced Labour Protocol.
        - Enforce the ban on fees.

        | Agency | Role |
        |---|---|
        | ILO | Standards |
        """;

    private static IReadOnlyList<Block> R1 => Blocks.Of(First, 1);

    private static string Id(IReadOnlyList<Block> blocks, string startsWith) => blocks.Single(b => b.Text.StartsWith(startsWith, StringComparison.Ordinal)).Id;

    [Fact]
    public void A_text_splits_into_headings_paragraphs_list_items_and_table_rows_each_the_bodys_own_characters()
    {
        var blocks = R1;

        Assert.Equal(
            [BlockKind.Heading, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.TableRow, BlockKind.TableRow],
            blocks.Select(b => b.Kind));
        Assert.Equal("Joint statement on recruitment fees", blocks[0].Text);
        Assert.Equal("Ratify the Forced Labour Protocol.", blocks[3].Text);
        Assert.Equal("ILO | Standards", blocks[6].Text);
        Assert.All(blocks, b => Assert.Equal(b.Text, First.Substring(b.Start, b.Text.Length)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], blocks.Select(b => b.Number));
        Assert.Equal(["r1b1", "r1b2", "r1b3", "r1b4", "r1b5", "r1b6", "r1b7"], blocks.Select(b => b.Id));
    }

    [Fact]
    public void An_unchanged_text_keeps_every_id() => Assert.Equal(R1.Select(b => b.Id), Blocks.Of(First, 2, R1).Select(b => b.Id));

    [Fact]
    public void A_paragraph_inserted_before_is_new_and_the_others_keep_their_ids_under_new_numbers()
    {
        var second = Blocks.Of(First.Replace("The members", "Trafficking for forced labour thrives on debt.\n\nThe members", StringComparison.Ordinal), 2, R1);

        Assert.Equal("r2b2", Id(second, "Trafficking"));
        var members = second.Single(b => b.Text.StartsWith("The members", StringComparison.Ordinal));
        Assert.Equal(("r1b2", 3), (members.Id, members.Number));
        Assert.Equal(R1.Select(b => b.Id), second.Where(b => b.Id.StartsWith("r1", StringComparison.Ordinal)).Select(b => b.Id));
    }

    [Fact]
    public void A_paragraph_deleted_takes_its_id_with_it()
    {
        var second = Blocks.Of(First.Replace("Employers should bear the full cost of recruitment, including travel and documents.\n\n", "", StringComparison.Ordinal), 2, R1);

        Assert.DoesNotContain(second, b => b.Id == "r1b3");
        Assert.Equal(["r1b1", "r1b2", "r1b4", "r1b5", "r1b6", "r1b7"], second.Select(b => b.Id));
    }

    [Fact]
    public void A_paragraph_edited_in_place_keeps_its_id()
    {
        var second = Blocks.Of(First.Replace("call on States to end recruitment fees charged to workers.", "call on all States to end, without delay, recruitment fees charged to migrant workers.", StringComparison.Ordinal), 2, R1);

        Assert.Equal("r1b2", Id(second, "The members"));
    }

    [Fact]
    public void A_paragraph_rewritten_in_other_words_is_a_new_block()
    {
        var second = Blocks.Of(First.Replace("Employers should bear the full cost of recruitment, including travel and documents.", "No worker may pay to get a job.", StringComparison.Ordinal), 2, R1);

        Assert.Equal("r2b3", Id(second, "No worker"));
    }

    [Fact]
    public void A_paragraph_split_in_two_keeps_its_id_on_the_part_most_like_it()
    {
        var second = Blocks.Of(First.Replace("Employers should bear the full cost of recruitment, including travel and documents.",
            "Employers should bear the full cost of recruitment, including travel.\n\nDocuments too.", StringComparison.Ordinal), 2, R1);

        Assert.Equal("r1b3", Id(second, "Employers"));
        Assert.Equal("r2b4", Id(second, "Documents"));
    }

    [Fact]
    public void Two_paragraphs_merged_keep_the_id_of_the_one_most_like_the_result()
    {
        var second = Blocks.Of(First.Replace("charged to workers.\n\nEmployers should bear", "charged to workers, and employers should bear", StringComparison.Ordinal), 2, R1);

        var merged = second.Single(b => b.Text.StartsWith("The members", StringComparison.Ordinal));
        Assert.Contains(merged.Id, new[] { "r1b2", "r1b3" });
        Assert.Equal(6, second.Count);
        Assert.Single(second, b => b.Id is "r1b2" or "r1b3");
    }

    [Fact]
    public void A_paragraph_moved_elsewhere_keeps_its_id()
    {
        const string employers = "Employers should bear the full cost of recruitment, including travel and documents.";
        var moved = First.Replace(employers + "\n\n", "", StringComparison.Ordinal) + "\n\n" + employers + "\n";
        var second = Blocks.Of(moved, 2, R1);

        var block = second.Single(b => b.Text == employers);
        Assert.Equal(("r1b3", second.Count), (block.Id, block.Number));
    }

    [Fact]
    public void Ids_live_on_through_several_revisions()
    {
        var second = Blocks.Of(First.Replace("# Joint", "Preamble.\n\n# Joint", StringComparison.Ordinal), 2, R1);
        var third = Blocks.Of(First.Replace("# Joint", "Preamble, revised.\n\n# Joint", StringComparison.Ordinal).Replace("Enforce the ban on fees.", "Enforce the ban on all fees.", StringComparison.Ordinal), 3, second);

        Assert.Equal("r2b1", third[0].Id);
        Assert.Equal("r1b5", Id(third, "Enforce"));
    }

    [Fact]
    public void A_long_text_rewritten_throughout_is_compared_by_neighbourhoods_and_keeps_the_ids_of_paragraphs_that_stayed_alike()
    {
        var before = string.Join("\n\n", Enumerable.Range(1, 3_000).Select(i => $"Paragraph {i} on the duties of States under article {i % 40}."));
        var after = string.Join("\n\n", Enumerable.Range(1, 3_000).Select(i => $"Paragraph {i} on the duties of all States under article {i % 40}, as amended."));
        var first = Blocks.Of(before, 1);

        var second = Blocks.Of(after, 2, first);

        Assert.Equal(first.Select(b => b.Id), second.Select(b => b.Id));
    }
}
