using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;
using Comment = DocumentFormat.OpenXml.Wordprocessing.Comment;

namespace Workspace.Tests.Negotiation;

/// <summary>
/// Word both ways: an agency's redline of the circulated file (made with the Open XML SDK, as Word writes tracked changes
/// and comments) becomes its drafts to the character, and a revision downloads with the open comments and suggestions as
/// Word comments and tracked changes that another reader finds.
/// </summary>
public sealed class WordRedlineTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private const string Text = "# Statement\n\nThe members call on **States** to protect victims of trafficking.\n\nEmployers should bear the cost of recruitment.\n";

    private async Task<(Guid Paper, WorkspaceClient Lead)> DraftAsync(string title)
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync(title, "JointStatement", "ILO", ["IOM", "UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, Text);
        await ilo.GetBlocksAsync(paper.Id, 1);
        return (paper.Id, ilo);
    }

    [Fact]
    public async Task An_agencys_redline_becomes_its_drafts_to_the_character_and_folds_into_the_expected_text()
    {
        var (paper, ilo) = await DraftAsync("Statement marked in Word");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var circulated = await unhcr.DownloadRevisionAsync(paper, 1);

        var imported = await unhcr.ImportAnnotationsAsync(paper, 1, WordDocuments.Redline(circulated));

        Assert.Equal(
        [
            ("Delete", "States", null),
            ("Replace", "victims", "victims and survivors"),
            ("Comment", "Employers", "Name the employers' duties."),
            ("Insert", "cost ", "and the risk "),
        ], imported.Created.Select(a => (a.Kind, a.Quote, a.Text)).ToList());
        Assert.All(imported.Created, a => Assert.Equal(("Draft", "UNHCR", "focal@unhcr.demo", 1), (a.Status, a.AgencyCode, a.Author, a.Revision)));
        var blocks = await ilo.GetBlocksAsync(paper, 1);
        Assert.Equal([blocks[1].Id, blocks[1].Id, blocks[2].Id, blocks[2].Id], imported.Created.Select(a => a.BlockId));
        var lost = Assert.Single(imported.NotAnchored);
        Assert.Equal(("Insert", "States shall report every year."), (lost.Kind, lost.Text));
        Assert.Contains("paragraph of their own", lost.Reason, StringComparison.Ordinal);

        // Drafts like any other: the lead sees none until UNHCR sends them; then folded, the text is exactly what the redline said.
        Assert.Empty(await ilo.ListAnnotationsAsync(paper));
        await unhcr.SendContributionAsync(paper, 1);
        var folded = await ilo.AddRevisionFromSuggestionsAsync(paper, 1, [.. imported.Created.Where(a => a.Kind != "Comment").Select(a => a.Id)]);
        const string expected = "# Statement\n\nThe members call on **** to protect victims and survivors of trafficking.\n\nEmployers should bear the cost and the risk of recruitment.\n";
        Assert.Equal(expected, (await ilo.GetRevisionAsync(paper, folded.Number)).Body);
        Assert.Equal(Sha(expected), folded.ContentHash);
    }

    [Fact]
    public async Task A_revision_downloads_with_the_open_suggestions_as_tracked_changes_and_the_comments_as_word_comments_credited_to_each_agency()
    {
        var (paper, ilo) = await DraftAsync("Statement downloaded with suggestions");
        var blocks = await ilo.GetBlocksAsync(paper, 1);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.AddAnnotationAsync(paper, 1, blocks[1].Id, "victims", "Replace", "victims and survivors");
        await iom.AddAnnotationAsync(paper, 1, blocks[2].Id, "Employers", "Comment", "Name the employers' duties.", "Decent work agenda.");
        await iom.AddAnnotationAsync(paper, 1, blocks[2].Id, "cost ", "Insert", "and the risk ");
        await iom.SendContributionAsync(paper, 1);
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        await unhcr.AddAnnotationAsync(paper, 1, blocks[1].Id, "protect", "Replace", "UNHCR's private wording");

        var docx = await ilo.DownloadRevisionAsync(paper, 1, openAnnotations: true);

        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            var deleted = Assert.Single(body.Descendants<DeletedRun>());
            Assert.Equal(("victims", "Focal point (IOM)"), (deleted.InnerText, deleted.Author?.Value));
            Assert.Equal(["victims and survivors", "and the risk "], body.Descendants<InsertedRun>().Select(i => i.InnerText));
            Assert.All(body.Descendants<InsertedRun>(), i => Assert.EndsWith("(IOM)", i.Author?.Value, StringComparison.Ordinal));
            var comment = Assert.Single(document.MainDocumentPart.WordprocessingCommentsPart!.Comments.Elements<Comment>());
            Assert.Equal("Name the employers' duties.\n\nDecent work agenda.", string.Join("\n", comment.Elements<Paragraph>().Select(p => p.InnerText)));
            Assert.EndsWith("(IOM)", comment.Author?.Value, StringComparison.Ordinal);
            // The comment covers exactly "Employers"; the text around the marks is the revision's.
            var third = body.Elements<Paragraph>().Single(p => p.Descendants<CommentRangeStart>().Any());
            var covered = third.ChildElements.SkipWhile(e => e is not CommentRangeStart).Skip(1).TakeWhile(e => e is not CommentRangeEnd);
            Assert.Equal("Employers", string.Concat(covered.Select(e => e.InnerText)));
            var before = body.Elements<Paragraph>().ElementAt(1).Descendants<OpenXmlLeafTextElement>()
                .Where(t => t is DeletedText || (t is Text && !t.Ancestors<InsertedRun>().Any())).Select(t => t.Text);
            Assert.Equal("The members call on States to protect victims of trafficking.", string.Concat(before));
            Assert.DoesNotContain("UNHCR's private wording", body.InnerText, StringComparison.Ordinal);
        }

        // Our own reader of redlines reads it back as what was sent; without the parameter, a clean copy.
        var plain = await ilo.DownloadRevisionAsync(paper, 1);
        using var clean = WordprocessingDocument.Open(new MemoryStream(plain), isEditable: false);
        Assert.Empty(clean.MainDocumentPart!.Document.Body!.Descendants<InsertedRun>());
        Assert.Null(clean.MainDocumentPart.WordprocessingCommentsPart);
        var read = await unhcr.ImportAnnotationsAsync(paper, 1, docx);
        Assert.Equal([("Replace", "victims", "victims and survivors"), ("Comment", "Employers", "Name the employers' duties.\n\nDecent work agenda."), ("Insert", "cost ", "and the risk ")],
            read.Created.Select(a => (a.Kind, a.Quote, a.Text)).ToList());
    }

    [Fact]
    public async Task A_redline_is_refused_before_it_is_read_for_an_older_revision_or_an_outsider_and_a_file_that_is_not_one_is_a_400()
    {
        var (paper, ilo) = await DraftAsync("Statement refused redlines");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var circulated = await unhcr.DownloadRevisionAsync(paper, 1);

        var plainCopy = await Assert.ThrowsAsync<WorkspaceProblemException>(() => unhcr.ImportAnnotationsAsync(paper, 1, circulated));
        Assert.Equal(HttpStatusCode.BadRequest, plainCopy.Status);
        Assert.Contains("no tracked changes or comments", plainCopy.Body.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var notWord = await Assert.ThrowsAsync<WorkspaceProblemException>(() => unhcr.ImportAnnotationsAsync(paper, 1, "not a zip"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notWord.Status);

        await ilo.AddRevisionAsync(paper, 1, Text + "\nA new paragraph.\n");
        var stale = await Assert.ThrowsAsync<WorkspaceProblemException>(() => unhcr.ImportAnnotationsAsync(paper, 1, "not a zip"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.EndsWith("stale-revision", stale.Type, StringComparison.Ordinal);
        var outsider = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        var refused = await Assert.ThrowsAsync<WorkspaceProblemException>(() => outsider.ImportAnnotationsAsync(paper, 2, WordDocuments.Redline(circulated)));
        Assert.True(refused.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.Status.ToString());
        Assert.Empty(await unhcr.ListAnnotationsAsync(paper));
    }

    [Fact]
    public async Task The_comments_matrix_is_a_word_table_for_the_co_chairs_in_the_readers_language()
    {
        var (paper, ilo) = await DraftAsync("Statement whose matrix goes to the co-chairs");
        var blocks = await ilo.GetBlocksAsync(paper, 1);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var taken = await iom.AddAnnotationAsync(paper, 1, blocks[1].Id, "victims", "Replace", "victims and survivors", "Asked by | the networks");
        var refused = await iom.AddAnnotationAsync(paper, 1, blocks[2].Id, "Employers", "Replace", "*Employers* and recruiters");
        await iom.SendContributionAsync(paper, 1);
        await ilo.DisposeAnnotationAsync(refused.Id, "Rejected", "Recruiters are in paragraph 4.");
        await ilo.AddRevisionFromSuggestionsAsync(paper, 1, [taken.Id]);

        var http = await host.HttpFor(WorkspaceHost.FocalPoint("UNHCR"));
        foreach (var (culture, rejected, accepted) in new[] { ("en", "Rejected", "Accepted · in revision 2"), ("fr", "Rejeté", "Acceptée · dans la révision 2") })
        {
            using var response = await http.GetAsync($"/api/papers/{paper}/dispositions.docx?culture={culture}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
            var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal(["IOM", "victims", "victims and survivors", "Asked by | the networks", accepted], [rows[1][0], rows[1][3], rows[1][4], rows[1][5], rows[1][6]]);
            // Marks in what people wrote are kept as they wrote them, not read as formatting.
            Assert.Equal(["Employers", "*Employers* and recruiters", rejected, "Recruiters are in paragraph 4."], [rows[2][3], rows[2][4], rows[2][6], rows[2][7]]);
        }
    }
}
