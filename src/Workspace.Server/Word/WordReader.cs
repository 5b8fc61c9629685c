using System.Globalization;
using System.Text;
using System.Xml;

namespace Workspace.Server.Word;

/// <summary>What became of a Word document: its markdown, and what it had that markdown cannot keep.</summary>
public sealed record WordImport(string Markdown, IReadOnlyList<string> NotKept);

/// <summary>
/// Reads a Word document (.docx) into the workspace's markdown: headings (by their style, or outline level),
/// bulleted and numbered lists with their nesting, bold and italic, links, tables (the first row as header),
/// footnotes and endnotes. What markdown cannot hold (images, comments, tracked deletions, merged cells,
/// underline and colours, headers and footers) is listed, so the author knows what to check.
/// The file is untrusted: it is read in one streaming pass per part under a <see cref="WordBudget"/>, and
/// anything malformed or over budget is a <see cref="NotAWordDocumentException"/> saying what is wrong.
/// </summary>
public static class WordReader
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static WordImport Read(Stream docx, WordBudget budget) => WordPackage.Read(docx, budget, package => new Reader(package).Convert());

    private readonly record struct Format(bool Bold, bool Italic, bool Code);

    private sealed class Reader(WordPackage package)
    {
        private readonly StringBuilder markdown = new();
        private readonly List<(int Number, string Text)> notes = [];
        private readonly SortedSet<string> notKept = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> styleNames = [];
        private readonly Dictionary<int, int> abstractOfNumbering = [];
        private readonly Dictionary<(int Abstract, int Level), string> levelFormats = [];
        private readonly Dictionary<string, string> footnotes = [];
        private readonly Dictionary<string, string> endnotes = [];
        private readonly Dictionary<string, string> hyperlinks = [];
        private readonly Dictionary<string, int> listCounters = [];
        private readonly Stack<InlineText> spareLines = new();
        private readonly char[] buffer = new char[4096];
        private XmlReader xml = null!;
        private string wordNamespace = W;
        private long characters;
        private bool readingNotes;
        private bool inList;
        private string? currentList;

        public WordImport Convert()
        {
            var main = package.MainPart();
            var relationships = package.Relationships(main);
            foreach (var link in relationships.Where(r => r.External && r.Kind == "hyperlink"))
            {
                hyperlinks.TryAdd(link.Id, link.Target);
            }

            string? PartOf(string kind) => relationships.FirstOrDefault(r => !r.External && r.Kind == kind && package.Has(r.Target))?.Target;
            if (PartOf("styles") is { } styles)
            {
                ReadPart(styles, ReadStyles);
            }

            if (PartOf("numbering") is { } numbering)
            {
                ReadPart(numbering, ReadNumbering);
            }

            readingNotes = true;
            if (PartOf("footnotes") is { } footnotesPart)
            {
                ReadPart(footnotesPart, () => ReadNotes("footnote", footnotes));
            }

            if (PartOf("endnotes") is { } endnotesPart)
            {
                ReadPart(endnotesPart, () => ReadNotes("endnote", endnotes));
            }

            readingNotes = false;
            if (relationships.Any(r => r.Kind is "header" or "footer"))
            {
                notKept.Add("headers and footers");
            }

            ReadPart(main, ReadDocument);

            var text = markdown.ToString().TrimEnd('\n');
            if (notes.Count > 0)
            {
                text += "\n\n" + string.Join("\n", notes.Select(n => $"[^{n.Number}]: {n.Text}"));
            }

            return new WordImport(text + "\n", [.. notKept]);
        }

        // ---- Streaming: one reader per part, positioned on its root element; every element start checked for depth.

        private void ReadPart(string part, Action root)
        {
            using var reader = package.OpenXml(part);
            xml = reader;
            wordNamespace = xml.NameTable.Add(W);
            xml.MoveToContent();
            root();
        }

        /// <summary>The current element's child elements, each by its local name in Word's namespace (else ""); the loop's body must read each whole.</summary>
        private ChildElements Children() => new(this);

        /// <summary>Reads past the current element, telling <paramref name="seen"/> of every element inside; returns whether it held any text.</summary>
        private bool Skip(Action<string>? seen = null)
        {
            if (xml.IsEmptyElement)
            {
                return false;
            }

            var text = false;
            var depth = xml.Depth;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.EndElement when xml.Depth == depth:
                        return text;
                    case XmlNodeType.Element:
                        var name = Entered();
                        seen?.Invoke(name);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        // A reader reports text of white space alone as Whitespace: Text holds a word.
                        text = true;
                        break;
                }
            }

            return text;
        }

        /// <summary>The element just reached, by its local name in Word's namespace (else ""), once its depth is within the budget.</summary>
        private string Entered()
        {
            package.CheckDepth(xml);
            // Names are atomized by the reader's name table: a reference comparison suffices.
            return ReferenceEquals(xml.NamespaceURI, wordNamespace) ? xml.LocalName : "";
        }

        private string? Attribute(string name, string ns = W) => xml.GetAttribute(name, ns);

        private string? ValueAndSkip(string name = "val")
        {
            var value = Attribute(name);
            Skip();
            return value;
        }

        /// <summary>The text of a <c>w:t</c>, read in chunks and counted against the budget as it comes.</summary>
        private string ReadText()
        {
            if (xml.IsEmptyElement)
            {
                return "";
            }

            var text = new StringBuilder();
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int read;
                    while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    {
                        characters += read;
                        if (characters > package.Budget.MaxCharacters)
                        {
                            throw new NotAWordDocumentException($"The document's text is longer than a revision may be ({package.Budget.MaxCharacters} characters).");
                        }

                        text.Append(buffer, 0, read);
                    }
                }
                else if (xml.NodeType == XmlNodeType.Element)
                {
                    package.CheckDepth(xml);
                    Skip();
                }
            }

            return text.ToString();
        }

        // ---- The parts beside the text: styles, numbering, notes.

        private void ReadStyles()
        {
            foreach (var name in Children())
            {
                if (name != "style")
                {
                    Skip();
                    continue;
                }

                var id = Attribute("styleId");
                string? styleName = null;
                foreach (var property in Children())
                {
                    styleName ??= property == "name" ? ValueAndSkip() : null;
                    if (property != "name")
                    {
                        Skip();
                    }
                }

                if (id is not null)
                {
                    styleNames.TryAdd(id, (styleName ?? id).ToLowerInvariant());
                }
            }
        }

        private void ReadNumbering()
        {
            foreach (var name in Children())
            {
                if (name == "abstractNum" && Number(Attribute("abstractNumId")) is { } abstractId)
                {
                    foreach (var level in Children())
                    {
                        if (level != "lvl" || Number(Attribute("ilvl")) is not { } index)
                        {
                            Skip();
                            continue;
                        }

                        foreach (var property in Children())
                        {
                            if (property == "numFmt" && ValueAndSkip() is { } format)
                            {
                                levelFormats.TryAdd((abstractId, index), format);
                            }
                            else if (property != "numFmt")
                            {
                                Skip();
                            }
                        }
                    }
                }
                else if (name == "num" && Number(Attribute("numId")) is { } numId)
                {
                    foreach (var property in Children())
                    {
                        if (property == "abstractNumId" && Number(ValueAndSkip()) is { } abstractNumId)
                        {
                            abstractOfNumbering.TryAdd(numId, abstractNumId);
                        }
                        else if (property != "abstractNumId")
                        {
                            Skip();
                        }
                    }
                }
                else
                {
                    Skip();
                }
            }
        }

        private void ReadNotes(string element, Dictionary<string, string> into)
        {
            foreach (var name in Children())
            {
                if (name != element || Attribute("id") is not { } id)
                {
                    Skip();
                    continue;
                }

                var paragraphs = new List<string>();
                foreach (var child in Children())
                {
                    if (child != "p")
                    {
                        Skip();
                        continue;
                    }

                    var text = Inline(paragraph: null).Trim();
                    if (text.Length > 0)
                    {
                        paragraphs.Add(text);
                    }
                }

                into.TryAdd(id, string.Join(" ", paragraphs));
            }
        }

        // ---- The body.

        private void ReadDocument()
        {
            if (xml.LocalName != "document" || xml.NamespaceURI != W)
            {
                throw new NotAWordDocumentException($"This file has no Word text in it: its document part holds {xml.Name}, not a Word document.");
            }

            foreach (var name in Children())
            {
                if (name == "body")
                {
                    Blocks();
                }
                else
                {
                    Skip();
                }
            }
        }

        private void Blocks()
        {
            foreach (var name in Children())
            {
                switch (name)
                {
                    case "p":
                        Paragraph();
                        break;
                    case "tbl":
                        Table();
                        break;
                    case "sdt":
                        foreach (var part in Children())
                        {
                            if (part == "sdtContent")
                            {
                                Blocks();
                            }
                            else
                            {
                                Skip();
                            }
                        }

                        break;
                    case "sectPr" or "bookmarkStart" or "bookmarkEnd":
                        Skip();
                        break;
                    default:
                        var localName = xml.LocalName;
                        if (Skip())
                        {
                            notKept.Add($"an element Word calls {localName}");
                        }

                        break;
                }
            }
        }

        /// <summary>What a paragraph's <c>w:pPr</c> says of its place: style, list, outline level.</summary>
        private sealed class ParagraphProperties
        {
            public string? StyleId { get; set; }

            public int? NumId { get; set; }

            public int Depth { get; set; }

            public int? Outline { get; set; }
        }

        private void Paragraph()
        {
            if (xml.IsEmptyElement)
            {
                EndListIfAny();
                return;
            }

            var properties = new ParagraphProperties();
            var text = Inline(properties).Trim();
            if (text.Length == 0)
            {
                EndListIfAny();
                return;
            }

            var style = properties.StyleId is { } id ? styleNames.GetValueOrDefault(id, id.ToLowerInvariant()) : "normal";
            var level = HeadingLevel(style, properties.Outline);
            if (level > 0)
            {
                EndListIfAny();
                Line(new string('#', level) + " " + text);
                markdown.Append('\n');
                return;
            }

            if (ListItem(properties.NumId, properties.Depth, style) is { } item)
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
                markdown.Append(indent).Append(item.Ordered ? item.Number.ToString(CultureInfo.InvariantCulture) + ". " : "- ").Append(text).Append('\n');
                inList = true;
                return;
            }

            EndListIfAny();
            Line((style is "quote" or "intense quote" ? "> " : "") + text);
            markdown.Append('\n');
        }

        private void ReadParagraphProperties(ParagraphProperties properties)
        {
            foreach (var property in Children())
            {
                switch (property)
                {
                    case "pStyle":
                        properties.StyleId = ValueAndSkip();
                        break;
                    case "outlineLvl":
                        properties.Outline = Number(ValueAndSkip());
                        break;
                    case "numPr":
                        foreach (var numbering in Children())
                        {
                            switch (numbering)
                            {
                                case "numId":
                                    properties.NumId = Number(ValueAndSkip());
                                    break;
                                case "ilvl":
                                    properties.Depth = Math.Clamp(Number(ValueAndSkip()) ?? 0, 0, 8);
                                    break;
                                default:
                                    Skip();
                                    break;
                            }
                        }

                        break;
                    default:
                        Skip();
                        break;
                }
            }
        }

        private void EndListIfAny()
        {
            if (inList)
            {
                markdown.Append('\n');
                inList = false;
            }
        }

        private void Line(string text) => markdown.Append(text).Append('\n');

        private static int HeadingLevel(string style, int? outline)
        {
            if (style == "title")
            {
                return 1;
            }

            if (style.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(style["heading ".Length..], out var n) && n is >= 1 and <= 9)
            {
                return Math.Min(6, n);
            }

            return outline is >= 0 and < 9 ? Math.Min(6, outline.Value + 1) : 0;
        }

        private (int Depth, bool Ordered, int Number, string List)? ListItem(int? numId, int depth, string style)
        {
            if (numId is null or 0)
            {
                return style.StartsWith("list bullet", StringComparison.Ordinal) ? (0, false, 0, "bullet style")
                    : style.StartsWith("list number", StringComparison.Ordinal) ? (0, true, Next("style", 0), "number style") : null;
            }

            var ordered = abstractOfNumbering.TryGetValue(numId.Value, out var abstractId)
                && levelFormats.TryGetValue((abstractId, depth), out var format) && format != "bullet";
            var list = numId.Value.ToString(CultureInfo.InvariantCulture);
            return (depth, ordered, ordered ? Next(list, depth) : 0, list);
        }

        private int Next(string list, int depth)
        {
            // A deeper level restarts under each new item of the level above.
            for (var deeper = depth + 1; deeper <= 8; deeper++)
            {
                listCounters.Remove($"{list}:{deeper}");
            }

            var key = $"{list}:{depth}";
            listCounters[key] = listCounters.GetValueOrDefault(key) + 1;
            return listCounters[key];
        }

        // ---- Text inside a paragraph.

        /// <summary>The markdown of the current element's runs, links, insertions and fields; a paragraph's <c>w:pPr</c> goes into <paramref name="paragraph"/>.</summary>
        private string Inline(ParagraphProperties? paragraph)
        {
            var line = spareLines.Count > 0 ? spareLines.Pop() : new InlineText();
            try
            {
                foreach (var name in Children())
                {
                    switch (name)
                    {
                        case "pPr" when paragraph is not null:
                            ReadParagraphProperties(paragraph);
                            break;
                        case "r":
                            Run(line);
                            break;
                        case "hyperlink":
                            line.Flush();
                            var target = Attribute("id", R) is { } id ? hyperlinks.GetValueOrDefault(id) : null;
                            var label = Inline(null);
                            line.Text.Append(target is null ? label : $"[{label}]({target})");
                            break;
                        case "ins":
                            notKept.Add(TrackedChanges);
                            line.Flush();
                            line.Text.Append(Inline(null));
                            break;
                        case "del":
                            notKept.Add(TrackedChanges);
                            Skip();
                            break;
                        case "fldSimple":
                            line.Flush();
                            line.Text.Append(Inline(null));
                            break;
                        case "sdt":
                            line.Flush();
                            foreach (var part in Children())
                            {
                                if (part == "sdtContent")
                                {
                                    line.Text.Append(Inline(null));
                                }
                                else
                                {
                                    Skip();
                                }
                            }

                            break;
                        case "commentRangeStart" or "commentRangeEnd":
                            notKept.Add("comments");
                            Skip();
                            break;
                        default:
                            Skip();
                            break;
                    }
                }

                line.Flush();
                return line.Text.ToString();
            }
            finally
            {
                line.Clear();
                spareLines.Push(line);
            }
        }

        private const string TrackedChanges = "tracked changes (insertions kept, deletions dropped: accept or reject them in Word first)";

        private void Run(InlineText line)
        {
            var format = default(Format);
            var formatted = false;
            foreach (var name in Children())
            {
                if (name == "rPr")
                {
                    format = RunProperties();
                    continue;
                }

                if (!formatted)
                {
                    formatted = true;
                    line.Change(format);
                }

                switch (name)
                {
                    case "t":
                        line.Pending.Append(Domain.MarkdownText.Escape(Clean(ReadText())));
                        break;
                    case "tab" or "br" or "cr":
                        line.Pending.Append(' ');
                        Skip();
                        break;
                    case "noBreakHyphen":
                        line.Pending.Append('-');
                        Skip();
                        break;
                    case "footnoteReference" or "endnoteReference":
                        var notesOfKind = name == "footnoteReference" ? footnotes : endnotes;
                        if (ValueAndSkip("id") is { } id && !readingNotes)
                        {
                            line.Flush();
                            line.Text.Append(CultureInfo.InvariantCulture, $"[^{Note(notesOfKind.GetValueOrDefault(id, ""))}]");
                        }

                        break;
                    case "drawing" or "pict" or "object":
                        notKept.Add("images and embedded objects");
                        Skip(NoteTextBoxes);
                        break;
                    case "commentReference":
                        notKept.Add("comments");
                        Skip();
                        break;
                    case "delText":
                        notKept.Add(TrackedChanges);
                        Skip();
                        break;
                    default:
                        Skip(NoteTextBoxes);
                        break;
                }
            }

            if (!formatted)
            {
                line.Change(format);
            }
        }

        private void NoteTextBoxes(string name)
        {
            if (name == "txbxContent")
            {
                notKept.Add("text boxes");
            }
        }

        private Format RunProperties()
        {
            var format = default(Format);
            foreach (var name in Children())
            {
                switch (name)
                {
                    case "b":
                        format = format with { Bold = On() };
                        break;
                    case "i":
                        format = format with { Italic = On() };
                        break;
                    case "rFonts":
                        format = format with { Code = Attribute("ascii") is "Consolas" or "Courier New" or "Courier" or "Lucida Console" };
                        break;
                    case "u" when Attribute("val") is not (null or "none"):
                    case "strike" when On():
                    case "color" or "highlight":
                        notKept.Add("underline, strike-through, colours and highlighting");
                        break;
                }

                Skip();
            }

            return format;
        }

        private bool On() => Attribute("val") is not { } value || value is "true" or "1" or "on";

        private int Note(string text)
        {
            var number = notes.Count + 1;
            notes.Add((number, text));
            return number;
        }

        // ---- Tables.

        private bool nestedTable;

        private void NoteNestedTable(string name) => nestedTable |= name == "tbl";

        private void Table()
        {
            EndListIfAny();
            nestedTable = false;
            var rows = new List<List<string>>();
            foreach (var name in Children())
            {
                if (name != "tr")
                {
                    Skip(NoteNestedTable);
                    continue;
                }

                var cells = new List<string>();
                foreach (var cell in Children())
                {
                    if (cell == "tc")
                    {
                        cells.Add(Cell());
                    }
                    else
                    {
                        Skip(NoteNestedTable);
                    }
                }

                if (cells.Count > 0)
                {
                    rows.Add(cells);
                }
            }

            if (nestedTable)
            {
                notKept.Add("tables inside tables");
            }

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
        }

        private string Cell()
        {
            var paragraphs = new List<string>();
            foreach (var part in Children())
            {
                switch (part)
                {
                    case "tcPr":
                        Skip(NoteMergedCells);
                        break;
                    case "p":
                        var text = Inline(paragraph: null).Trim();
                        if (text.Length > 0)
                        {
                            paragraphs.Add(text);
                        }

                        break;
                    case "tbl":
                        nestedTable = true;
                        Skip();
                        break;
                    default:
                        Skip(NoteNestedTable);
                        break;
                }
            }

            return string.Join(" ", paragraphs);
        }

        private void NoteMergedCells(string name)
        {
            if (name is "gridSpan" or "vMerge")
            {
                notKept.Add("merged table cells (each part kept as its own cell)");
            }
        }

        private static int? Number(string? value) =>
            int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

        private static string Clean(string text) => new([.. text.Where(c => !char.IsControl(c) && c != '\u00AD')]);

        /// <summary>Iterates the child elements of the element the reader is on, without allocating; each must be read whole before the next.</summary>
        public readonly struct ChildElements(Reader reader)
        {
            public Enumerator GetEnumerator() => new(reader);

            public struct Enumerator(Reader reader)
            {
                private readonly int depth = reader.xml.Depth;
                private bool done = reader.xml.IsEmptyElement;

                public string Current { get; private set; } = "";

                public bool MoveNext()
                {
                    var xml = reader.xml;
                    while (!done)
                    {
                        // The body read the previous child whole, leaving the reader on its end (or on it, if empty): step past it.
                        if (!xml.Read())
                        {
                            done = true;
                            break;
                        }

                        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                        {
                            done = true;
                            break;
                        }

                        if (xml.NodeType == XmlNodeType.Element)
                        {
                            Current = reader.Entered();
                            return true;
                        }
                    }

                    return false;
                }
            }
        }
    }

    /// <summary>A paragraph's markdown as it is written: runs of one format gather in <see cref="Pending"/> and are emphasized together.</summary>
    private sealed class InlineText
    {
        private Format current;

        public StringBuilder Text { get; } = new();

        public StringBuilder Pending { get; } = new();

        public void Change(Format format)
        {
            if (format != current)
            {
                Flush();
                current = format;
            }
        }

        public void Clear()
        {
            Text.Clear();
            Pending.Clear();
            current = default;
        }

        public void Flush()
        {
            if (Pending.Length == 0)
            {
                return;
            }

            Text.Append(current.Code ? "`" + Pending.ToString().Replace("\\", "", StringComparison.Ordinal) + "`" : Emphasize(Pending.ToString(), current.Bold, current.Italic));
            Pending.Clear();
        }

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
    }
}
