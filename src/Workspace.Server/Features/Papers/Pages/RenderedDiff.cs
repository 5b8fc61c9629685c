using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Workspace.Server.Features.Papers.Pages;

/// <summary>
/// What changed between two revisions as a reader sees it: paragraph by paragraph (headings, paragraphs, list items
/// as written between blank lines), matched by their text; a paragraph changed in place shows its words removed and
/// added inside the sentence, as tracked changes do; paragraphs that did not change are rendered as they read.
/// </summary>
public sealed partial record RenderedDiff(IReadOnlyList<RenderedDiff.Block> Blocks)
{
    public enum Change
    {
        Same,
        Changed,
        Added,
        Removed,
    }

    /// <summary>A run of words: the same on both sides, added, or removed.</summary>
    public sealed record Piece(string Text, Change Change);

    /// <summary>
    /// One paragraph: the same (its markdown, rendered as it reads), changed (its words on each side, and inline, the
    /// removed before the added), added or removed (its text).
    /// </summary>
    public sealed record Block(Change Change, string? Markdown, IReadOnlyList<Piece> Old, IReadOnlyList<Piece> New, IReadOnlyList<Piece> Inline);

    public int Changed => Blocks.Count(b => b.Change == Change.Changed);

    public int Added => Blocks.Count(b => b.Change == Change.Added);

    public int Removed => Blocks.Count(b => b.Change == Change.Removed);

    public static RenderedDiff Of(string from, string to)
    {
        var (oldBlocks, newBlocks) = (Paragraphs(from), Paragraphs(to));
        var (oldText, newText) = (oldBlocks.Select(PlainText).ToList(), newBlocks.Select(PlainText).ToList());
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', oldText), string.Join('\n', newText), false, false, LineChunker.Instance);
        var blocks = new List<Block>();
        var (a, b) = (0, 0);
        foreach (var change in diff.DiffBlocks)
        {
            for (; a < change.DeleteStartA; a++, b++)
            {
                blocks.Add(Same(newBlocks[b]));
            }

            var paired = Math.Min(change.DeleteCountA, change.InsertCountB);
            for (var i = 0; i < paired; i++)
            {
                blocks.Add(Words(oldText[a + i], newText[b + i]));
            }

            blocks.AddRange(oldText.Skip(a + paired).Take(change.DeleteCountA - paired).Select(t => new Block(Change.Removed, null, [new(t, Change.Removed)], [], [new(t, Change.Removed)])));
            blocks.AddRange(newText.Skip(b + paired).Take(change.InsertCountB - paired).Select(t => new Block(Change.Added, null, [], [new(t, Change.Added)], [new(t, Change.Added)])));
            (a, b) = (a + change.DeleteCountA, b + change.InsertCountB);
        }

        for (; b < newBlocks.Count; b++)
        {
            blocks.Add(Same(newBlocks[b]));
        }

        return new RenderedDiff(blocks);
    }

    private static Block Same(string markdown) => new(Change.Same, markdown, [], [], []);

    /// <summary>A paragraph changed in place: the words each side keeps, and what went and came inside the sentence.</summary>
    private static Block Words(string from, string to)
    {
        var diff = Differ.Instance.CreateDiffs(from, to, false, false, WordChunker.Instance);
        List<Piece> old = [], @new = [], inline = [];
        var b = 0;
        foreach (var change in diff.DiffBlocks)
        {
            var same = string.Concat(diff.PiecesNew.Skip(b).Take(change.InsertStartB - b));
            Add(same, Change.Same, old, @new, inline);
            Add(string.Concat(diff.PiecesOld.Skip(change.DeleteStartA).Take(change.DeleteCountA)), Change.Removed, old, inline);
            Add(string.Concat(diff.PiecesNew.Skip(change.InsertStartB).Take(change.InsertCountB)), Change.Added, @new, inline);
            b = change.InsertStartB + change.InsertCountB;
        }

        Add(string.Concat(diff.PiecesNew.Skip(b)), Change.Same, old, @new, inline);
        return new Block(Change.Changed, null, old, @new, inline);
    }

    private static void Add(string text, Change change, params List<Piece>[] into)
    {
        if (text.Length > 0)
        {
            foreach (var pieces in into)
            {
                pieces.Add(new(text, change));
            }
        }
    }

    /// <summary>The text between blank lines: a heading, a paragraph, a list, a table.</summary>
    private static List<string> Paragraphs(string markdown) =>
        [.. BlankLines().Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Where(p => p.Trim().Length > 0)];

    /// <summary>What a paragraph reads as, without its markup, on one line.</summary>
    private static string PlainText(string markdown) =>
        Spaces().Replace(Markdig.Markdown.ToPlainText(markdown), " ").Trim();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
