using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Practice;

/// <summary>Drafts arrive as Word files and leave as Word files: a .docx becomes a revision, and any revision or publication becomes a .docx.</summary>
public sealed class WordTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static MultipartFormDataContent Upload(byte[] docx, int baseRevision, string name = "statement.docx")
    {
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent(baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)), "baseRevision" } };
    }

    private sealed record Imported(int Number, string ContentHash, IReadOnlyList<string> NotKept);

    [Fact]
    public async Task A_Word_document_with_a_table_and_a_footnote_becomes_a_revision_and_round_trips_through_Word_unchanged()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement drafted in Word", "JointStatement", "ILO", ["IOM"]);

        var response = await ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(WordDocuments.Statement(), 0));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var imported = (await response.Content.ReadFromJsonAsync<Imported>(WorkspaceClient.Json))!;
        Assert.Empty(imported.NotKept);
        var first = await ilo.GetRevisionAsync(paper.Id, imported.Number);
        Assert.Equal(WordDocuments.StatementMarkdown, first.Body);
        Assert.Equal(Sha(WordDocuments.StatementMarkdown), imported.ContentHash);

        // Out to Word and back in: the same text, to the character.
        var exported = await ilo.Http.GetAsync($"/api/papers/{paper.Id}/revisions/1/docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Statement drafted in Word - revision 1.docx", exported.Content.Headers.ContentDisposition?.FileNameStar ?? exported.Content.Headers.ContentDisposition?.FileName);
        var docx = await exported.Content.ReadAsByteArrayAsync();
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Equal("Statement drafted in Word", document.PackageProperties.Title);
            Assert.Single(document.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>(), f => f.Id?.Value == 1);
            Assert.Single(document.MainDocumentPart.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        }

        var again = (await (await ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(docx, 1))).Content.ReadFromJsonAsync<Imported>(WorkspaceClient.Json))!;
        Assert.Equal((2, imported.ContentHash), (again.Number, again.ContentHash));
    }

    [Fact]
    public async Task What_markdown_cannot_keep_is_reported_and_a_large_document_with_a_picture_is_accepted()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement with Word-only parts", "JointStatement", "ILO", ["IOM"]);

        var parts = (await (await ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(WordDocuments.WithWordOnlyParts(), 0)))
            .Content.ReadFromJsonAsync<Imported>(WorkspaceClient.Json))!;
        Assert.Contains("comments", parts.NotKept);
        Assert.Contains(parts.NotKept, n => n.StartsWith("underline", StringComparison.Ordinal));
        Assert.Contains(parts.NotKept, n => n.StartsWith("tracked changes", StringComparison.Ordinal));
        Assert.Contains("Underlined", (await ilo.GetRevisionAsync(paper.Id, 1)).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("gone", (await ilo.GetRevisionAsync(paper.Id, 1)).Body, StringComparison.Ordinal);

        // Larger than any other request may be (1 MB), within the Word limit (10 MB).
        var picture = new byte[1_500_000];
        new Random(7).NextBytes(picture);
        var large = await ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(WordDocuments.Statement(picture), 1));
        Assert.Equal(HttpStatusCode.Created, large.StatusCode);
        Assert.Contains("images and embedded objects", (await large.Content.ReadFromJsonAsync<Imported>(WorkspaceClient.Json))!.NotKept);
    }

    [Fact]
    public async Task A_file_that_is_not_a_Word_document_is_400_on_file_and_changes_nothing_and_outsiders_get_404()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement not in Word", "JointStatement", "ILO", ["IOM"]);

        var problem = await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload("plain text, not a zip"u8.ToArray(), 0, "notes.docx")), HttpStatusCode.BadRequest);
        Assert.Contains("file", ProblemAssert.ErrorFields(problem));
        Assert.Contains("file", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(
            ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", new MultipartFormDataContent { { new StringContent("0"), "baseRevision" } }), HttpStatusCode.BadRequest)));
        await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Null((await ilo.GetPaperAsync(paper.Id)).LatestRevision);

        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        await ProblemAssert.IsProblem(ohchr.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(WordDocuments.Statement(), 0)), HttpStatusCode.NotFound);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Draft\n");
        await ProblemAssert.IsProblem(ohchr.Http.GetAsync($"/api/papers/{paper.Id}/revisions/1/docx"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_published_text_downloads_as_Word_for_anyone_with_the_signatories_and_the_approved_hash_in_its_properties()
    {
        var (paper, revision) = await InSignOffAsync(host, "Statement published as Word", "Unanimous", TimeSpan.FromDays(3));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        await (await host.ClientFor(WorkspaceHost.Secretariat)).PublishAsync(paper.Id, "Published.", ["Global"]);

        using var anonymous = host.Anonymous();
        var response = await anonymous.GetAsync($"/api/publications/{paper.Id}/docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(("Statement published as Word", "ILO, IOM, UNHCR"), (document.PackageProperties.Title, document.PackageProperties.Keywords));
        Assert.Contains(revision.ContentHash, document.PackageProperties.Description, StringComparison.Ordinal);
        var custom = document.CustomFilePropertiesPart!.Properties!.Elements<CustomDocumentProperty>().ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal((revision.ContentHash, "ILO, IOM, UNHCR", "yes"), (custom["ContentHash"], custom["Signatories"], custom["Approved"]));
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/publications/{Guid.NewGuid()}/docx"), HttpStatusCode.NotFound);
    }
}
