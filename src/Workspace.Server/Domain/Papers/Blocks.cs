using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Workspace.Server.Domain.Papers;

/// <summary>What a block of a paper's text is: what people cite as a paragraph, a heading, an item of a list, a row of a table.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    TableRow,
    Other,
}

/// <summary>
/// One block of one revision's text: its id, which stays the same across revisions while the block lives, its place and
/// the number people cite ("¶ 12", counted again in each revision), and its markdown: <see cref="Text"/> is the body's
/// characters from <see cref="Start"/> for <see cref="Text"/>'s length (a heading without its <c>#</c>, an item without
/// its marker).
/// </summary>
public sealed record Block(string Id, int Index, int Number, BlockKind Kind, string Text, int Start)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Splits a revision's markdown into blocks and carries the previous revision's ids over to the blocks that are still
/// there: unchanged ones by the diff of the two sequences, then changed, split, merged or moved ones by the likeness of
/// their words (the most alike pair first, at least half their words in common). A block that matches none is new, and
/// its id names the revision and place it was born in (<c>r3b7</c>).
/// </summary>
public static class Blocks
{
    /// <summary>How alike two blocks must be, by their words, to be one block changed.</summary>
    public const double Likeness = 0.5;

    /// <summary>Beyond so many pairs of changed blocks to compare, each is compared with its <see cref="Neighbourhood"/> only.</summary>
    private const int MaxPairs = 250_000;

    private const int Neighbourhood = 100;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().UsePreciseSourceLocation().Build();

    /// <summary>The blocks of <paramref name="body"/>, revision <paramref name="revision"/>, with ids carried from <paramref name="previous"/>.</summary>
    public static IReadOnlyList<Block> Of(string body, int revision, IReadOnlyList<Block>? previous = null)
    {
        var parts = Split(body);
        var ids = new string?[parts.Count];
        if (previous is { Count: > 0 })
        {
            Carry(previous, parts, ids);
        }

        return [.. parts.Select((p, i) => new Block(ids[i] ?? $"r{revision}b{i + 1}", i, i + 1, p.Kind, p.Text, p.Start))];
    }

    private sealed record Part(BlockKind Kind, string Text, int Start);

    private static List<Part> Split(string body) =>
        [.. Walk(Parse(body), body).Select(p => new Part(p.Kind, body[p.Start..p.End], p.Start))];

    /// <summary>The revision's markdown parsed as the blocks are split from it (with each node's place in the body).</summary>
    public static MarkdownDocument Parse(string body) => Markdown.Parse(body, Pipeline);

    /// <summary>
    /// The nodes of <paramref name="document"/> that are blocks, in the order of their numbers, each with its kind and
    /// the range of the body it stands on: the one split of a text, for storing its blocks and for showing them.
    /// </summary>
    public static IEnumerable<(Markdig.Syntax.Block Node, BlockKind Kind, int Start, int End)> Walk(MarkdownDocument document, string body)
    {
        foreach (var block in document.Descendants())
        {
            (BlockKind Kind, SourceSpan Span)? part = block switch
            {
                HeadingBlock heading => (BlockKind.Heading, heading.Inline is { } inline && inline.Span.Length > 0 ? inline.Span : heading.Span),
                ParagraphBlock paragraph when paragraph.Parent is not TableCell => (InList(paragraph) ? BlockKind.ListItem : BlockKind.Paragraph, paragraph.Span),
                TableRow row => (BlockKind.TableRow, row.Span),
                CodeBlock code => (BlockKind.Other, code.Span),
                _ => null,
            };
            if (part is not { } p || Trimmed(body, p.Span) is not { } range)
            {
                continue;
            }

            yield return ((Markdig.Syntax.Block)block, p.Kind, range.Start, range.End);
        }
    }

    private static bool InList(ParagraphBlock paragraph)
    {
        for (var parent = paragraph.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ListItemBlock)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End)? Trimmed(string body, SourceSpan span)
    {
        if (span.Start < 0 || span.End >= body.Length + 1 || span.Length <= 0)
        {
            return null;
        }

        var (start, end) = (span.Start, Math.Min(span.End + 1, body.Length));
        while (start < end && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(body[end - 1]))
        {
            end--;
        }

        return end > start ? (start, end) : null;
    }

    private static void Carry(IReadOnlyList<Block> previous, List<Part> parts, string?[] ids)
    {
        var taken = new bool[previous.Count];
        // Unchanged blocks, in order: the longest common run of equal texts.
        var diff = DiffPlex.Differ.Instance.CreateLineDiffs(
            string.Join('\n', previous.Select(b => Escape(b.Text))), string.Join('\n', parts.Select(p => Escape(p.Text))), ignoreWhitespace: false);
        var (o, n) = (0, 0);
        foreach (var change in diff.DiffBlocks)
        {
            for (; o < change.DeleteStartA && n < change.InsertStartB; o++, n++)
            {
                (ids[n], taken[o]) = (previous[o].Id, true);
            }

            (o, n) = (change.DeleteStartA + change.DeleteCountA, change.InsertStartB + change.InsertCountB);
        }

        for (; o < previous.Count && n < parts.Count; o++, n++)
        {
            (ids[n], taken[o]) = (previous[o].Id, true);
        }

        // The rest: changed in place, split, merged or moved, the most alike first.
        var words = parts.Select(p => Words(p.Text)).ToList();
        var pairs = new List<(double Likeness, int Old, int New)>();
        // A text rewritten throughout compares each block with its neighbourhood only, so that the work stays in bounds.
        var reach = taken.Count(t => !t) * ids.Count(id => id is null) > MaxPairs ? Neighbourhood : int.MaxValue;
        for (var i = 0; i < previous.Count; i++)
        {
            if (taken[i])
            {
                continue;
            }

            var before = Words(previous[i].Text);
            for (var j = Math.Max(0, i - Math.Min(reach, i)); j < parts.Count && (reach == int.MaxValue || j <= i + reach); j++)
            {
                if (ids[j] is null && Alike(before, words[j]) is var likeness && likeness >= Likeness)
                {
                    pairs.Add((likeness, i, j));
                }
            }
        }

        foreach (var (_, i, j) in pairs.OrderByDescending(p => p.Likeness).ThenBy(p => Math.Abs(p.Old - p.New)).ThenBy(p => p.New))
        {
            if (!taken[i] && ids[j] is null)
            {
                (ids[j], taken[i]) = (previous[i].Id, true);
            }
        }
    }

    /// <summary>How alike two texts are by their words, as blocks are paired (1: the same words; 0: none in common).</summary>
    public static double Alikeness(string a, string b) => Alike(Words(a), Words(b));

    /// <summary>
    /// A block's words as a reader (or Word) has them, without the markdown's marks, and for each of its characters the
    /// place in <paramref name="text"/> it comes from: so words found in what people read are found in the block.
    /// </summary>
    public static (string Plain, int[] Source) Plain(string text)
    {
        var plain = new System.Text.StringBuilder();
        var source = new List<int>();
        void Add(string words, int start, bool exact)
        {
            for (var i = 0; i < words.Length; i++)
            {
                plain.Append(words[i]);
                source.Add(exact ? start + i : start);
            }
        }

        foreach (var node in Markdown.Parse(text, Pipeline).Descendants())
        {
            switch (node)
            {
                case Markdig.Syntax.Inlines.LiteralInline literal when literal.Span.Start >= 0:
                    Add(literal.Content.ToString(), literal.Span.Start, literal.Content.Length == literal.Span.Length);
                    break;
                case Markdig.Syntax.Inlines.CodeInline code when code.Span.Start >= 0:
                    Add(code.Content, code.Span.Start + code.DelimiterCount, code.Content.Length == code.Span.Length - (2 * code.DelimiterCount));
                    break;
                case Markdig.Syntax.Inlines.HtmlEntityInline entity when entity.Span.Start >= 0:
                    Add(entity.Transcoded.ToString(), entity.Span.Start, exact: false);
                    break;
                case Markdig.Syntax.Inlines.LineBreakInline line when line.Span.Start >= 0:
                    Add(" ", line.Span.Start, exact: false);
                    break;
                case Markdig.Syntax.Inlines.AutolinkInline link when link.Span.Start >= 0:
                    Add(link.Url, link.Span.Start + 1, link.Url.Length == link.Span.Length - 2);
                    break;
            }
        }

        return (plain.ToString(), [.. source]);
    }

    /// <summary>A block's text on one line of the diff (blocks may hold line breaks).</summary>
    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static Dictionary<string, int> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('*', '_', '`', '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '|', '-').ToLowerInvariant())
            .Where(w => w.Length > 0).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Twice the words two texts share over all their words (1: the same words; 0: none in common).</summary>
    private static double Alike(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var (total, common) = (a.Values.Sum() + b.Values.Sum(), 0);
        foreach (var (word, count) in a)
        {
            common += Math.Min(count, b.GetValueOrDefault(word));
        }

        return total == 0 ? 0 : 2.0 * common / total;
    }
}
