using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// Word documents made the way Word makes them: built-in heading styles named "heading 1", lists through
/// numbering definitions (a bullet and a decimal one), words split over several runs, a table with a header
/// row, a footnote with Word's separator notes, a hyperlink by relationship; and what markdown cannot keep.
/// </summary>
public static class WordDocuments
{
    /// <summary>The markdown <see cref="Statement"/> must import to, exactly.</summary>
    public const string StatementMarkdown =
        "# Joint statement\n\n" +
        "The members **call on** States *to act*.[^1]\n\n" +
        "- Protect victims\n" +
        "- Prosecute traffickers\n" +
        "  - including online\n\n" +
        "1. Prevention\n" +
        "2. Partnership\n\n" +
        "| Agency | Role |\n" +
        "| --- | --- |\n" +
        "| ILO | Labour |\n" +
        "| IOM | Migration |\n\n" +
        "Read the [Protocol](https://www.unodc.org/protocol).\n\n" +
        "[^1]: See the Palermo Protocol.\n";

    /// <param name="image">Bytes of a picture to embed (Word keeps it; markdown cannot).</param>
    public static byte[] Statement(byte[]? image = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "List Paragraph" }) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "" }) { LevelIndex = 0 },
                    new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "o" }) { LevelIndex = 1 })
                { AbstractNumberId = 0 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 });
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Footnote(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                    new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                    new Run(new Text(" See the Palermo ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text("Protocol."))))
                { Id = 1 });
            var link = main.AddHyperlinkRelationship(new Uri("https://www.unodc.org/protocol"), true);

            var body = new Body(
                Styled("Heading1", new Run(new Text("Joint ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text("statement"))),
                new Paragraph(
                    new Run(new Text("The members ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new RunProperties(new Bold()), new Text("call ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new RunProperties(new Bold()), new Text("on")),
                    new Run(new Text(" States ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new RunProperties(new Italic()), new Text("to act")),
                    new Run(new Text(".")),
                    new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = 1 })),
                Item(1, 0, "Protect victims"),
                Item(1, 0, "Prosecute traffickers"),
                Item(1, 1, "including online"),
                Item(2, 0, "Prevention"),
                Item(2, 0, "Partnership"),
                new Table(
                    new TableProperties(new TableStyle { Val = "TableGrid" }),
                    Row("Agency", "Role"), Row("ILO", "Labour"), Row("IOM", "Migration")),
                new Paragraph(
                    new Run(new Text("Read the ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), new Text("Protocol"))) { Id = link.Id },
                    new Run(new Text("."))));
            if (image is not null)
            {
                var picture = main.AddImagePart(ImagePartType.Png);
                using (var bytes = new MemoryStream(image))
                {
                    picture.FeedData(bytes);
                }

                body.Append(new Paragraph(new Run(new Drawing())));
            }

            body.Append(new SectionProperties());
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>The same statement with what markdown cannot keep: a comment, an underline, a tracked deletion.</summary>
    public static byte[] WithWordOnlyParts()
    {
        var bytes = Statement();
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            body.InsertBefore(new Paragraph(
                new CommentRangeStart { Id = "0" },
                new Run(new RunProperties(new Underline { Val = UnderlineValues.Single }), new Text("Underlined")),
                new CommentRangeEnd { Id = "0" },
                new Run(new CommentReference { Id = "0" }),
                new DeletedRun(new Run(new DeletedText("gone"))) { Id = "1", Author = "Legal" }), body.GetFirstChild<SectionProperties>());
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string style, params OpenXmlElement[] runs) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = style }), .. runs]);

    private static Paragraph Item(int list, int level, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = list })), new Run(new Text(text)));

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))));

    /// <summary>The circulated file, marked as an agency marks it in Word: tracked changes and a comment, and a paragraph of its own.</summary>
    public static byte[] Redline(byte[] circulated)
    {
        using var stream = new MemoryStream();
        stream.Write(circulated);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart!;
            var body = main.Document.Body!;
            var paragraphs = body.Elements<Paragraph>().ToList();
            var second = paragraphs.Single(p => p.InnerText == "The members call on States to protect victims of trafficking.");
            var third = paragraphs.Single(p => p.InnerText == "Employers should bear the cost of recruitment.");
            var date = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

            // ¶ 2: "victims" replaced (a deletion beside an insertion), the bold "States" deleted.
            second.RemoveAllChildren<Run>();
            second.Append(
                new Run(new Text("The members call on ") { Space = SpaceProcessingModeValues.Preserve }),
                new DeletedRun(new Run(new RunProperties(new Bold()), new DeletedText("States"))) { Id = "1", Author = "Ana (UNHCR)", Date = date },
                new Run(new Text(" to protect ") { Space = SpaceProcessingModeValues.Preserve }),
                new DeletedRun(new Run(new DeletedText("victims"))) { Id = "2", Author = "Ana (UNHCR)", Date = date },
                new InsertedRun(new Run(new Text("victims and survivors"))) { Id = "3", Author = "Ana (UNHCR)", Date = date },
                new Run(new Text(" of trafficking.")));

            // ¶ 3: a comment over "Employers", words inserted after "cost ".
            third.RemoveAllChildren<Run>();
            third.Append(
                new CommentRangeStart { Id = "0" },
                new Run(new Text("Employers")),
                new CommentRangeEnd { Id = "0" },
                new Run(new CommentReference { Id = "0" }),
                new Run(new Text(" should bear the cost ") { Space = SpaceProcessingModeValues.Preserve }),
                new InsertedRun(new Run(new Text("and the risk ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "4", Author = "Ana (UNHCR)", Date = date },
                new Run(new Text("of recruitment.")));
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new DocumentFormat.OpenXml.Wordprocessing.Comment(new Paragraph(new Run(new Text("Name the employers' duties.")))) { Id = "0", Author = "Ana (UNHCR)", Initials = "A", Date = date });

            // A paragraph of its own, inserted whole: nothing in the revision to place it on.
            third.InsertAfterSelf(new Paragraph(new InsertedRun(new Run(new Text("States shall report every year."))) { Id = "5", Author = "Ana (UNHCR)", Date = date }));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
