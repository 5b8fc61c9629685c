using Workspace.Server.Word;

namespace Workspace.Tests.Practice;

/// <summary>The markdown ↔ Word conversion on its own: what goes out to Word comes back the same.</summary>
public sealed class WordConversionTests
{
    private static readonly WordProperties Draft = new("Draft", "IssuePaper", 1, "sha256:" + new string('0', 64), [], Approved: false);

    private static string RoundTrip(string markdown) => WordReader.Read(new MemoryStream(WordWriter.Write(markdown, Draft)), new WordBudget(400_000)).Markdown;

    [Theory]
    [InlineData("# Title\n\n## Part one\n\nText with ***both*** and a `code` word.\n")]
    [InlineData("Text that looks like markup: \\*not bold\\*, \\[not a link\\] and 3 \\# 4.\n")]
    [InlineData("1. First\n2. Second\n   1. Nested\n   2. Nested again\n3. Third\n")]
    [InlineData("- One\n- Two\n\n1. Then\n2. Numbered\n")]
    [InlineData("A claim.[^1] Another.[^2]\n\n[^1]: The first source.\n[^2]: The second, *in italics*.\n")]
    public void Markdown_written_to_Word_reads_back_the_same(string markdown) => Assert.Equal(markdown, RoundTrip(markdown));

    [Fact]
    public void A_heading_by_outline_level_and_a_title_become_headings()
    {
        var markdown = "# Issue paper\n\n### Detail\n";
        Assert.Equal(markdown, RoundTrip(markdown));
    }

    [Fact]
    public void Not_a_Word_file_is_said_so()
    {
        Assert.Throws<NotAWordDocumentException>(() => WordReader.Read(new MemoryStream("%PDF-1.7"u8.ToArray()), new WordBudget(400_000)));
    }
}
