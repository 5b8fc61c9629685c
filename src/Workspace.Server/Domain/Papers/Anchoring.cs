namespace Workspace.Server.Domain.Papers;

/// <summary>What a mark made in a copy of the text does: a comment over words, or a change to them.</summary>
public enum MarkKind
{
    Comment,
    Replace,
    Insert,
    Delete,
}

/// <summary>
/// A mark on a paragraph of a copy of the text, where the paragraph reads <see cref="MarkedParagraph.Text"/> as it stood
/// before the marks: the words from <paramref name="Start"/> for <paramref name="Length"/> characters (an insertion: the
/// point <paramref name="Start"/>), and the comment or the words proposed.
/// </summary>
public sealed record Mark(MarkKind Kind, int Start, int Length, string? Text);

/// <summary>A paragraph of a marked copy of the text (a Word redline): its words before the marks, and the marks.</summary>
public sealed record MarkedParagraph(string Text, IReadOnlyList<Mark> Marks);

/// <summary>A mark that could not be placed on the revision, with what it said and why, so that nothing is silently dropped.</summary>
public sealed record Unanchored(string Kind, string Text, string Reason);

/// <summary>A mark placed on a block of the revision: the arguments of a draft (<see cref="Annotation.Draft"/>).</summary>
public sealed record Anchored(Block Block, string Quote, int Occurrence, AnnotationKind Kind, string? Text);

/// <summary>
/// Places the marks of a marked copy on the blocks of the revision it was made from: each paragraph is matched to the
/// block that reads the same (else the most alike, at least <see cref="Blocks.Likeness"/>), and each mark's words are found
/// in the block's text through what a reader sees of it, so a mark over formatted words is a quote of the block's own
/// markdown. An insertion is placed after the words before it (with the space that follows them); one at a paragraph's
/// start becomes a replacement of its first word.
/// </summary>
public static class Anchoring
{
    public static (IReadOnlyList<Anchored> Anchored, IReadOnlyList<Unanchored> Unanchored) Place(IReadOnlyList<Block> blocks, IReadOnlyList<MarkedParagraph> paragraphs)
    {
        var plains = blocks.Select(b => Blocks.Plain(b.Text)).ToList();
        var taken = new bool[blocks.Count];
        var next = 0;
        List<Anchored> anchored = [];
        List<Unanchored> unanchored = [];
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Text;
            var match = Match(text, plains, taken, next);
            if (match is { } m)
            {
                (taken[m], next) = (true, m + 1);
            }

            foreach (var mark in paragraph.Marks)
            {
                if (match is not { } at)
                {
                    unanchored.Add(new Unanchored(mark.Kind.ToString(), Said(mark, text), text.Trim().Length == 0
                        ? "The words are in a paragraph of their own that the revision does not have: suggest them as an insertion after the paragraph before."
                        : $"No paragraph of the revision reads like \"{Short(text)}\"."));
                    continue;
                }

                if (Place(blocks[at], plains[at], text, mark) is { } placed)
                {
                    anchored.Add(placed);
                }
                else
                {
                    unanchored.Add(new Unanchored(mark.Kind.ToString(), Said(mark, text), $"The words \"{Short(Words(mark, text))}\" are not in ¶ {blocks[at].Number} of the revision."));
                }
            }
        }

        return (anchored, unanchored);
    }

    private static int? Match(string text, List<(string Plain, int[] Source)> plains, bool[] taken, int from)
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }

        var trimmed = text.Trim();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = pass == 0 ? from : 0; i < (pass == 0 ? plains.Count : from); i++)
            {
                if (!taken[i] && plains[i].Plain.Trim() == trimmed)
                {
                    return i;
                }
            }
        }

        var best = Enumerable.Range(0, plains.Count).Where(i => !taken[i])
            .Select(i => (i, Likeness: Blocks.Alikeness(plains[i].Plain, text))).Where(p => p.Likeness >= Blocks.Likeness)
            .OrderByDescending(p => p.Likeness).ThenBy(p => Math.Abs(p.i - from)).Select(p => (int?)p.i).FirstOrDefault();
        return best;
    }

    private static Anchored? Place(Block block, (string Plain, int[] Source) plain, string text, Mark mark)
    {
        var (start, length, kind, words) = mark.Kind switch
        {
            MarkKind.Insert when Before(text, mark.Start) is { } before => (before, mark.Start - before, AnnotationKind.Insert, mark.Text),
            MarkKind.Insert => (mark.Start, FirstWord(text, mark.Start), AnnotationKind.Replace, (string?)null),
            MarkKind.Replace => (mark.Start, mark.Length, AnnotationKind.Replace, mark.Text),
            MarkKind.Delete => (mark.Start, mark.Length, AnnotationKind.Delete, null),
            _ => (mark.Start, mark.Length, AnnotationKind.Comment, mark.Text),
        };
        if (length <= 0 || start + length > text.Length)
        {
            return null;
        }

        var quote = text.Substring(start, length);
        words ??= kind == AnnotationKind.Replace && mark.Kind == MarkKind.Insert ? mark.Text + quote : null;
        // Where the words stand in what a reader sees of the block: at the same place when the paragraph reads the same, else the nearest repeat.
        var at = plain.Plain == text ? start : Nearest(plain.Plain, quote, start);
        if (at is not { } p || p + length > plain.Plain.Length || plain.Plain.Substring(p, length) != quote)
        {
            return null;
        }

        var (from, to) = (plain.Source[p], plain.Source[p + length - 1] + 1);
        var source = block.Text[from..to];
        return new Anchored(block, source, Occurrence(block.Text, source, from), kind, words);
    }

    /// <summary>Where the words before an insertion point start: the last word before it, with the spaces after it.</summary>
    private static int? Before(string text, int point)
    {
        var i = point;
        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i < point && text[i..point].Trim().Length > 0 ? i : null;
    }

    private static int FirstWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int? Nearest(string plain, string quote, int near)
    {
        int? best = null;
        for (var i = plain.IndexOf(quote, StringComparison.Ordinal); i >= 0; i = plain.IndexOf(quote, i + 1, StringComparison.Ordinal))
        {
            if (best is null || Math.Abs(i - near) < Math.Abs(best.Value - near))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Which repeat of <paramref name="quote"/> in <paramref name="text"/> starts at <paramref name="at"/>, counted as <see cref="Annotation.Find"/> counts.</summary>
    private static int Occurrence(string text, string quote, int at)
    {
        var n = 0;
        for (var i = text.IndexOf(quote, StringComparison.Ordinal); i >= 0 && i <= at; i = text.IndexOf(quote, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return Math.Max(1, n);
    }

    private static string Words(Mark mark, string text) => mark.Kind == MarkKind.Insert
        ? text[(Before(text, mark.Start) ?? mark.Start)..mark.Start]
        : mark.Start + mark.Length <= text.Length ? text.Substring(mark.Start, mark.Length) : text;

    private static string Said(Mark mark, string text) => mark.Kind switch
    {
        MarkKind.Delete => Words(mark, text),
        _ => mark.Text ?? "",
    };

    private static string Short(string text) => text.Length <= 80 ? text.Trim() : text[..77].Trim() + "…";
}
