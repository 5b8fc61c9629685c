using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workspace.Server.Word;

/// <summary>What became of a Word document: its markdown, and what it had that markdown cannot keep.</summary>
public sealed record WordImport(string Markdown, IReadOnlyList<string> NotKept);

/// <summary>A .docx the file is not: not a zip, or no Word body in it.</summary>
public sealed class NotAWordDocumentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a Word document (.docx) into the workspace's markdown: headings (by their style, or outline level),
/// bulleted and numbered lists with their nesting, bold and italic, links, tables (the first row as header),
/// footnotes and endnotes. What markdown cannot hold (images, comments, tracked deletions, merged cells,
/// underline and colours, headers and footers) is listed, so the author knows what to check.
/// </summary>
public static class WordReader
{
    public static WordImport Read(Stream docx)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(docx, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException)
        {
            throw new NotAWordDocumentException("This file is not a Word document (.docx).", e);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body ?? throw new NotAWordDocumentException("This file has no Word text in it.");
            var reader = new Reader(document);
            return reader.ReadBody(body);
        }
    }

    private sealed class Reader(WordprocessingDocument document)
    {
        private readonly StringBuilder markdown = new();
        private readonly List<(int Number, string Text)> notes = [];
        private readonly SortedSet<string> notKept = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> styleNames = (document.MainDocumentPart?.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => (g.First().StyleName?.Val?.Value ?? g.Key).ToLowerInvariant());

        private readonly Dictionary<string, int> listCounters = [];

        public WordImport ReadBody(Body body)
        {
            foreach (var element in body.ChildElements)
            {
                Block(element);
            }

            if (document.MainDocumentPart?.HeaderParts.Any() == true || document.MainDocumentPart?.FooterParts.Any() == true)
            {
                notKept.Add("headers and footers");
            }

            var text = markdown.ToString().TrimEnd('\n');
            if (notes.Count > 0)
            {
                text += "\n\n" + string.Join("\n", notes.Select(n => $"[^{n.Number}]: {n.Text}"));
            }

            return new WordImport(text + "\n", [.. notKept]);
        }

        private void Block(OpenXmlElement element)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph);
                    break;
                case Table table:
                    Table(table);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (var child in content.ChildElements)
                    {
                        Block(child);
                    }

                    break;
                case SectionProperties or BookmarkStart or BookmarkEnd:
                    break;
                default:
                    if (!string.IsNullOrWhiteSpace(element.InnerText))
                    {
                        notKept.Add($"an element Word calls {element.LocalName}");
                    }

                    break;
            }
        }

        private void Paragraph(Paragraph paragraph)
        {
            var text = Inline(paragraph).Trim();
            var style = StyleOf(paragraph);
            var level = HeadingLevel(paragraph, style);
            if (text.Length == 0)
            {
                EndListIfAny();
                return;
            }

            if (level > 0)
            {
                EndListIfAny();
                Line(new string('#', level) + " " + text);
                markdown.Append('\n');
                return;
            }

            if (ListItem(paragraph, style) is { } item)
            {
                if (item.Depth == 0)
                {
                    if (inList && item.List != currentList)
                    {
                        // Another list begins right after one: a blank line keeps them apart.
                        markdown.Append('\n');
                    }

                    currentList = item.List;
                }

                var indent = new string(' ', item.Depth * (item.Ordered ? 3 : 2));
                markdown.Append(indent).Append(item.Ordered ? item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "- ").Append(text).Append('\n');
                inList = true;
                return;
            }

            EndListIfAny();
            Line((style is "quote" or "intense quote" ? "> " : "") + text);
            markdown.Append('\n');
        }

        private bool inList;
        private string? currentList;

        private void EndListIfAny()
        {
            if (inList)
            {
                markdown.Append('\n');
                inList = false;
            }
        }

        private void Line(string text) => markdown.Append(text).Append('\n');

        private string StyleOf(Paragraph paragraph)
        {
            var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            return id is null ? "normal" : styleNames.GetValueOrDefault(id, id.ToLowerInvariant());
        }

        private static int HeadingLevel(Paragraph paragraph, string style)
        {
            if (style == "title")
            {
                return 1;
            }

            if (style.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(style["heading ".Length..], out var n) && n is >= 1 and <= 9)
            {
                return Math.Min(6, n);
            }

            return paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? Math.Min(6, outline + 1) : 0;
        }

        private (int Depth, bool Ordered, int Number, string List)? ListItem(Paragraph paragraph, string style)
        {
            var numbering = paragraph.ParagraphProperties?.NumberingProperties;
            var numId = numbering?.NumberingId?.Val?.Value;
            var depth = numbering?.NumberingLevelReference?.Val?.Value ?? 0;
            if (numId is null or 0)
            {
                return style.StartsWith("list bullet", StringComparison.Ordinal) ? (0, false, 0, "bullet style")
                    : style.StartsWith("list number", StringComparison.Ordinal) ? (0, true, Next("style", 0), "number style") : null;
            }

            var ordered = FormatOf(numId.Value, depth) is { } format && format != NumberFormatValues.Bullet;
            var list = numId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (depth, ordered, ordered ? Next(list, depth) : 0, list);
        }

        private int Next(string list, int depth)
        {
            // A deeper level restarts under each new item of the level above.
            foreach (var deeper in listCounters.Keys.Where(k => k.StartsWith(list + ":", StringComparison.Ordinal) && int.Parse(k[(list.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture) > depth).ToList())
            {
                listCounters.Remove(deeper);
            }

            var key = $"{list}:{depth}";
            listCounters[key] = listCounters.GetValueOrDefault(key) + 1;
            return listCounters[key];
        }

        private NumberFormatValues? FormatOf(int numId, int depth)
        {
            var numbering = document.MainDocumentPart?.NumberingDefinitionsPart?.Numbering;
            var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNum = numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            return abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == depth)?.NumberingFormat?.Val?.Value;
        }

        private string Inline(OpenXmlElement container)
        {
            var text = new StringBuilder();
            var pending = new StringBuilder();
            (bool Bold, bool Italic, bool Code) current = (false, false, false);

            void Flush()
            {
                if (pending.Length == 0)
                {
                    return;
                }

                text.Append(current.Code ? "`" + pending.ToString().Replace("\\", "", StringComparison.Ordinal) + "`" : Emphasize(pending.ToString(), current.Bold, current.Italic));
                pending.Clear();
            }

            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        var format = (Bold: On(run.RunProperties?.Bold), Italic: On(run.RunProperties?.Italic), Code: Monospaced(run.RunProperties));
                        NoteFormatting(run.RunProperties);
                        if (format != current)
                        {
                            Flush();
                            current = format;
                        }

                        RunText(run, pending, Flush, text);
                        break;
                    case Hyperlink link:
                        Flush();
                        var label = Inline(link);
                        var target = link.Id?.Value is { } id ? document.MainDocumentPart?.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri : null;
                        text.Append(target is null ? label : $"[{label}]({target})");
                        break;
                    case InsertedRun inserted:
                        notKept.Add("tracked changes (insertions kept, deletions dropped: accept or reject them in Word first)");
                        Flush();
                        text.Append(Inline(inserted));
                        break;
                    case DeletedRun:
                        notKept.Add("tracked changes (insertions kept, deletions dropped: accept or reject them in Word first)");
                        break;
                    case SimpleField or SdtRun:
                        Flush();
                        text.Append(Inline(child));
                        break;
                    case CommentRangeStart or CommentRangeEnd:
                        notKept.Add("comments");
                        break;
                }
            }

            Flush();
            return text.ToString();
        }

        private void RunText(Run run, StringBuilder pending, Action flush, StringBuilder text)
        {
            foreach (var part in run.ChildElements)
            {
                switch (part)
                {
                    case Text t:
                        pending.Append(Domain.MarkdownText.Escape(Clean(t.Text)));
                        break;
                    case TabChar:
                        pending.Append(' ');
                        break;
                    case Break:
                    case CarriageReturn:
                        pending.Append(' ');
                        break;
                    case NoBreakHyphen:
                        pending.Append('-');
                        break;
                    case FootnoteReference footnote when footnote.Id?.Value is { } id:
                        flush();
                        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[^{Note(NoteText(document.MainDocumentPart?.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == id)))}]");
                        break;
                    case EndnoteReference endnote when endnote.Id?.Value is { } id:
                        flush();
                        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[^{Note(NoteText(document.MainDocumentPart?.EndnotesPart?.Endnotes?.Elements<Endnote>().FirstOrDefault(f => f.Id?.Value == id)))}]");
                        break;
                    case Drawing or Picture or EmbeddedObject:
                        notKept.Add("images and embedded objects");
                        break;
                    case CommentReference:
                        notKept.Add("comments");
                        break;
                    case DeletedText:
                        notKept.Add("tracked changes (insertions kept, deletions dropped: accept or reject them in Word first)");
                        break;
                }
            }

            if (run.Descendants<TextBoxContent>().Any())
            {
                notKept.Add("text boxes");
            }
        }

        private int Note(string text)
        {
            var number = notes.Count + 1;
            notes.Add((number, text));
            return number;
        }

        private string NoteText(OpenXmlElement? note) =>
            note is null ? "" : string.Join(" ", note.Elements<Paragraph>().Select(p => Inline(p).Trim()).Where(t => t.Length > 0));

        private void NoteFormatting(RunProperties? properties)
        {
            if (properties is null)
            {
                return;
            }

            if (properties.Underline is { Val.Value: var u } && u != UnderlineValues.None || properties.Strike is not null && On(properties.Strike)
                || properties.Color is not null || properties.Highlight is not null)
            {
                notKept.Add("underline, strike-through, colours and highlighting");
            }
        }

        private void Table(Table table)
        {
            EndListIfAny();
            var rows = table.Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c =>
                {
                    if (c.TableCellProperties?.GridSpan is not null || c.TableCellProperties?.VerticalMerge is not null)
                    {
                        notKept.Add("merged table cells (each part kept as its own cell)");
                    }

                    return string.Join(" ", c.Elements<Paragraph>().Select(p => Inline(p).Trim()).Where(t => t.Length > 0));
                }).ToList())
                .Where(r => r.Count > 0)
                .ToList();
            if (rows.Count == 0)
            {
                return;
            }

            var width = rows.Max(r => r.Count);
            string Row(List<string> cells) => "| " + string.Join(" | ", cells.Concat(Enumerable.Repeat("", width - cells.Count))) + " |";
            Line(Row(rows[0]));
            Line("|" + string.Concat(Enumerable.Repeat(" --- |", width)));
            foreach (var row in rows.Skip(1))
            {
                Line(Row(row));
            }

            markdown.Append('\n');
            if (table.Descendants<Table>().Any())
            {
                notKept.Add("tables inside tables");
            }
        }

        private static bool Monospaced(RunProperties? properties) =>
            properties?.RunFonts?.Ascii?.Value is "Consolas" or "Courier New" or "Courier" or "Lucida Console";

        private static bool On(OnOffType? flag) => flag is not null && (flag.Val is null || flag.Val.Value);

        private static string Emphasize(string text, bool bold, bool italic)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || (!bold && !italic))
            {
                return text;
            }

            var mark = bold && italic ? "***" : bold ? "**" : "*";
            // Emphasis hugs the words: spaces stay outside the marks.
            var lead = text[..(text.Length - text.TrimStart().Length)];
            var tail = text[text.TrimEnd().Length..];
            return lead + mark + trimmed + mark + tail;
        }

        private static string Clean(string text) => new([.. text.Where(c => !char.IsControl(c) && c != '\u00AD')]);
    }
}
