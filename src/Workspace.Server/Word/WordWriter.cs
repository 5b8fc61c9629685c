using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Footnote = DocumentFormat.OpenXml.Wordprocessing.Footnote;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace Workspace.Server.Word;

/// <summary>What the document's properties say of the text: its title, who signed it, which exact text it is.</summary>
/// <param name="ContentHash">The text's hash; for an approved or published text, the hash every signatory approved.</param>
public sealed record WordProperties(string Title, string Kind, int Revision, string ContentHash, IReadOnlyList<string> Signatories, bool Approved);

/// <summary>What a mark in the Word document proposes: a comment over its passage, or a tracked change.</summary>
public enum WordMarkKind
{
    Comment,
    Replace,
    Insert,
    Delete,
}

/// <summary>
/// A comment or suggestion to write into the document, on the markdown's characters from <paramref name="Start"/> to
/// <paramref name="End"/>: a Word comment over them, or a tracked deletion of them and a tracked insertion of
/// <paramref name="Text"/> (after them, for <see cref="WordMarkKind.Insert"/>), credited to <paramref name="Author"/>.
/// </summary>
public sealed record WordMark(int Start, int End, WordMarkKind Kind, string? Text, string Author, string Initials, DateTime Date);

/// <summary>
/// Writes the workspace's markdown as a Word document: headings in Word's heading styles, lists as Word lists,
/// bold and italic, links, tables, footnotes as Word footnotes. The title, the signatory agencies and the hash
/// go in the document's properties (core and custom), so a file passed on still says which text it is.
/// </summary>
public static class WordWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes().DisableHtml().UsePreciseSourceLocation().Build();

    /// <param name="marks">Comments and suggestions to write as Word comments and tracked changes, by their place in <paramref name="markdown"/>.</param>
    public static byte[] Write(string markdown, WordProperties properties, IReadOnlyList<WordMark>? marks = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            var writer = new Writer(main, marks ?? []);
            writer.Blocks(Markdown.Parse(markdown, Pipeline), main.Document.Body!, 0);
            main.Document.Body!.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 708, Footer = 708, Gutter = 0 }));
            writer.Finish();
            Describe(document, properties);
        }

        return stream.ToArray();
    }

    private static void Describe(WordprocessingDocument document, WordProperties p)
    {
        var signatories = string.Join(", ", p.Signatories);
        document.PackageProperties.Title = p.Title;
        document.PackageProperties.Subject = p.Kind;
        document.PackageProperties.Creator = "Inter-Agency Workspace";
        document.PackageProperties.Keywords = signatories;
        document.PackageProperties.Description = p.Approved
            ? $"Revision {p.Revision}, approved by {signatories}. Approved text hash: {p.ContentHash}"
            : $"Revision {p.Revision} (not approved). Text hash: {p.ContentHash}";
        document.PackageProperties.Version = p.Revision.ToString(CultureInfo.InvariantCulture);

        var custom = document.AddCustomFilePropertiesPart();
        custom.Properties = new Properties();
        var id = 2;
        foreach (var (name, value) in new[] { ("ContentHash", p.ContentHash), ("Signatories", signatories), ("Revision", p.Revision.ToString(CultureInfo.InvariantCulture)), ("Approved", p.Approved ? "yes" : "no") })
        {
            custom.Properties.Append(new CustomDocumentProperty(new VTLPWSTR(value)) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = id++, Name = name });
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        for (var level = 1; level <= 6; level++)
        {
            styles.Styles.Append(new Style(
                new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = (34 - (level * 3)).ToString(CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }

        styles.Styles.Append(
            new Style(new StyleName { Val = "Quote" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Indentation { Left = "720" }), new StyleRunProperties(new Italic()))
            { Type = StyleValues.Paragraph, StyleId = "Quote" },
            new Style(new StyleName { Val = "footnote text" }, new BasedOn { Val = "Normal" },
                new StyleRunProperties(new FontSize { Val = "18" }))
            { Type = StyleValues.Paragraph, StyleId = "FootnoteText" },
            new Style(new StyleName { Val = "footnote reference" },
                new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
            { Type = StyleValues.Character, StyleId = "FootnoteReference" },
            new Style(new StyleName { Val = "Hyperlink" },
                new StyleRunProperties(new Color { Val = "0F6CBD" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" },
            new Style(new StyleName { Val = "Table Grid" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private sealed class Writer(MainDocumentPart main, IReadOnlyList<WordMark> marks)
    {
        private readonly bool[] started = new bool[marks.Count];
        private readonly bool[] ended = new bool[marks.Count];
        private readonly List<Comment> comments = [];
        private int nextChange = 1;
        private const int BulletList = 1;
        private const int NumberedList = 2;
        private readonly Numbering numbering = new();
        private readonly List<Footnote> footnotes = [];
        private readonly Dictionary<int, int> footnoteIds = [];
        private int nextNumbering = 1;

        public void Blocks(ContainerBlock container, OpenXmlCompositeElement into, int depth, int? list = null)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        into.Append(Paragraph(heading.Inline, new ParagraphStyleId { Val = $"Heading{Math.Min(6, heading.Level)}" }, heading.Span.End + 1));
                        break;
                    case ParagraphBlock paragraph:
                        into.Append(Paragraph(paragraph.Inline, list is { } numId ? new NumberingProperties(new NumberingLevelReference { Val = depth - 1 }, new NumberingId { Val = numId }) : null, paragraph.Span.End + 1));
                        break;
                    case ListBlock items:
                        var id = items.IsOrdered ? NewList(NumberedList) : (list is { } outer && depth > 0 ? outer : NewList(BulletList));
                        foreach (var item in items.OfType<ListItemBlock>())
                        {
                            Blocks(item, into, depth + 1, id);
                        }

                        break;
                    case QuoteBlock quote:
                        foreach (var inner in quote.OfType<ParagraphBlock>())
                        {
                            into.Append(Paragraph(inner.Inline, new ParagraphStyleId { Val = "Quote" }, inner.Span.End + 1));
                        }

                        break;
                    case CodeBlock code:
                        foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                        {
                            into.Append(new Paragraph(new Run(new RunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }), new Text(line.ToString()) { Space = SpaceProcessingModeValues.Preserve })));
                        }

                        break;
                    case MdTable table:
                        into.Append(Table(table));
                        break;
                    case FootnoteGroup group:
                        foreach (var note in group.OfType<Markdig.Extensions.Footnotes.Footnote>())
                        {
                            Note(note);
                        }

                        break;
                    case ThematicBreakBlock:
                        into.Append(new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6 }))));
                        break;
                    case ContainerBlock other:
                        Blocks(other, into, depth, list);
                        break;
                }
            }
        }

        /// <summary>
        /// Writes <paramref name="text"/>, the markdown's characters from <paramref name="start"/>: cut where a mark starts
        /// or ends, the parts under a deletion as deleted text, each mark's insertion and comment ends after its last character.
        /// </summary>
        private void Marked(string text, int start, OpenXmlCompositeElement into, bool bold, bool italic)
        {
            var end = start + text.Length;
            var cuts = marks.SelectMany(m => new[] { m.Start, m.End }).Where(c => c > start && c < end).Append(end).Distinct().Order().ToList();
            var from = start;
            foreach (var cut in cuts)
            {
                Marks(into, from);
                var piece = text[(from - start)..(cut - start)];
                var deleted = marks.Select((m, i) => (m, i)).FirstOrDefault(x => x.m.Kind is WordMarkKind.Replace or WordMarkKind.Delete && x.m.Start <= from && cut <= x.m.End);
                if (deleted.m is { } by)
                {
                    var run = TextRun(piece, bold, italic);
                    var word = run.GetFirstChild<Text>()!;
                    word.Remove();
                    run.Append(new DeletedText(piece) { Space = SpaceProcessingModeValues.Preserve });
                    into.Append(new DeletedRun(run) { Id = (nextChange++).ToString(CultureInfo.InvariantCulture), Author = by.Author, Date = by.Date });
                }
                else
                {
                    into.Append(TextRun(piece, bold, italic));
                }

                from = cut;
            }

            Marks(into, end);
        }

        /// <summary>What the marks do at <paramref name="at"/> (or before it, where they start or end inside markup): open comments, insert their words, close comments.</summary>
        private void Marks(OpenXmlCompositeElement into, int at)
        {
            for (var i = 0; i < marks.Count; i++)
            {
                var m = marks[i];
                if (!started[i] && m.Start <= at && m.Kind == WordMarkKind.Comment)
                {
                    started[i] = true;
                    into.Append(new CommentRangeStart { Id = CommentId(i) });
                }
            }

            for (var i = 0; i < marks.Count; i++)
            {
                var m = marks[i];
                if (ended[i] || m.End > at || (m.Kind == WordMarkKind.Comment && !started[i]))
                {
                    continue;
                }

                ended[i] = true;
                if (m.Kind == WordMarkKind.Comment)
                {
                    into.Append(new CommentRangeEnd { Id = CommentId(i) });
                    into.Append(new Run(new RunProperties(new RunStyle { Val = "CommentReference" }), new CommentReference { Id = CommentId(i) }));
                    // One Word paragraph a line: Word shows a line break inside a text as a space.
                    comments.Add(new Comment((m.Text ?? "").Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve }))))
                    { Id = CommentId(i), Author = m.Author, Initials = m.Initials, Date = m.Date });
                }
                else if (m.Kind is WordMarkKind.Replace or WordMarkKind.Insert && !string.IsNullOrEmpty(m.Text))
                {
                    into.Append(new InsertedRun(new Run(new Text(m.Text) { Space = SpaceProcessingModeValues.Preserve }))
                    { Id = (nextChange++).ToString(CultureInfo.InvariantCulture), Author = m.Author, Date = m.Date });
                }
            }
        }

        private static string CommentId(int mark) => mark.ToString(CultureInfo.InvariantCulture);

        public void Finish()
        {
            if (comments.Count > 0)
            {
                main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(comments);
            }

            if (numbering.HasChildren)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            }

            if (footnotes.Count > 0)
            {
                var part = main.AddNewPart<FootnotesPart>();
                part.Footnotes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                part.Footnotes.Append(footnotes);
            }
        }

        private int NewList(int format)
        {
            if (!numbering.Elements<AbstractNum>().Any(a => a.AbstractNumberId?.Value == format))
            {
                var levels = Enumerable.Range(0, 9).Select(i => new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = format == BulletList ? NumberFormatValues.Bullet : NumberFormatValues.Decimal },
                    new LevelText { Val = format == BulletList ? "•" : $"%{i + 1}." },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = (720 * (i + 1)).ToString(CultureInfo.InvariantCulture), Hanging = "360" }))
                { LevelIndex = i });
                // Abstract definitions come before the instances that use them.
                numbering.PrependChild(new AbstractNum(levels) { AbstractNumberId = format });
            }

            var id = nextNumbering++;
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = format },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
            { NumberID = id });
            return id;
        }

        private Paragraph Paragraph(ContainerInline? inline, OpenXmlElement? property, int? end = null)
        {
            var paragraph = new Paragraph();
            if (property is not null)
            {
                paragraph.Append(new ParagraphProperties(property));
            }

            if (inline is not null)
            {
                Inlines(inline, paragraph, bold: false, italic: false);
            }

            if (end is { } at)
            {
                Marks(paragraph, at);
            }

            return paragraph;
        }

        private void Inlines(ContainerInline container, OpenXmlCompositeElement into, bool bold, bool italic)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal when marks.Count > 0 && literal.Span.Start >= 0 && literal.Content.Length == literal.Span.Length:
                        Marked(literal.Content.ToString(), literal.Span.Start, into, bold, italic);
                        break;
                    case LiteralInline literal:
                        into.Append(TextRun(literal.Content.ToString(), bold, italic));
                        break;
                    case HtmlEntityInline entity:
                        into.Append(TextRun(entity.Transcoded.ToString(), bold, italic));
                        break;
                    case EmphasisInline emphasis:
                        Inlines(emphasis, into, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount % 2 == 1);
                        break;
                    case CodeInline code:
                        into.Append(new Run(new RunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }), new Text(code.Content) { Space = SpaceProcessingModeValues.Preserve }));
                        break;
                    case LineBreakInline:
                        into.Append(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
                        break;
                    case LinkInline { IsImage: false } link when Uri.TryCreate(link.Url, UriKind.Absolute, out var url):
                        var relationship = main.AddHyperlinkRelationship(url, isExternal: true);
                        var hyperlink = new Hyperlink { Id = relationship.Id };
                        foreach (var run in Runs(link, bold, italic))
                        {
                            run.RunProperties ??= new RunProperties();
                            run.RunProperties.PrependChild(new RunStyle { Val = "Hyperlink" });
                            hyperlink.Append(run);
                        }

                        into.Append(hyperlink);
                        break;
                    case FootnoteLink { IsBackLink: false } note:
                        into.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = FootnoteId(note.Footnote.Order) }));
                        break;
                    case AutolinkInline autolink:
                        into.Append(TextRun(autolink.Url, bold, italic));
                        break;
                    case ContainerInline other:
                        Inlines(other, into, bold, italic);
                        break;
                }
            }
        }

        private List<Run> Runs(ContainerInline container, bool bold, bool italic)
        {
            var holder = new Paragraph();
            Inlines(container, holder, bold, italic);
            return [.. holder.Elements<Run>().Select(r => (Run)r.CloneNode(true))];
        }

        private static Run TextRun(string text, bool bold, bool italic)
        {
            var run = new Run();
            if (bold || italic)
            {
                var properties = new RunProperties();
                if (bold)
                {
                    properties.Append(new Bold());
                }

                if (italic)
                {
                    properties.Append(new Italic());
                }

                run.Append(properties);
            }

            run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }

        private int FootnoteId(int order)
        {
            if (!footnoteIds.TryGetValue(order, out var id))
            {
                id = footnoteIds.Count + 1;
                footnoteIds[order] = id;
            }

            return id;
        }

        private void Note(Markdig.Extensions.Footnotes.Footnote note)
        {
            var footnote = new Footnote { Id = FootnoteId(note.Order) };
            var first = true;
            foreach (var paragraph in note.OfType<ParagraphBlock>())
            {
                var p = Paragraph(paragraph.Inline, new ParagraphStyleId { Val = "FootnoteText" });
                if (first)
                {
                    p.InsertAfter(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()), p.ParagraphProperties);
                    p.InsertAfter(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }), p.Elements<Run>().First());
                    first = false;
                }

                footnote.Append(p);
            }

            footnotes.Add(footnote);
        }

        private Table Table(MdTable source)
        {
            var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
            foreach (var sourceRow in source.OfType<MdTableRow>())
            {
                var row = new TableRow();
                if (sourceRow.IsHeader)
                {
                    row.Append(new TableRowProperties(new TableHeader()));
                }

                foreach (var cell in sourceRow.OfType<MdTableCell>())
                {
                    var tableCell = new TableCell();
                    foreach (var paragraph in cell.OfType<ParagraphBlock>())
                    {
                        var p = new Paragraph();
                        if (paragraph.Inline is not null)
                        {
                            Inlines(paragraph.Inline, p, bold: false, italic: false);
                        }

                        tableCell.Append(p);
                    }

                    if (!tableCell.HasChildren)
                    {
                        tableCell.Append(new Paragraph());
                    }

                    row.Append(tableCell);
                }

                table.Append(row);
            }

            return table;
        }
    }
}
