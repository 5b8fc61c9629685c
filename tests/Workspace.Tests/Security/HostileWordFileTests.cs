using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Workspace.Server.Word;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Infrastructure.HostileDocx;

namespace Workspace.Tests.Security;

/// <summary>
/// Uploaded Word files are untrusted: whatever a package holds, reading it costs no more than its budget in
/// time, memory and stack, and a malformed one is refused with a reason. Measured on the reader itself
/// (bytes allocated by the reading thread, time) and through the real server (the answer, and that it keeps answering).
/// </summary>
public sealed class HostileWordFileTests(WorkspaceHost host, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<WorkspaceHost>
{
    private const string StylesRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

    /// <summary>
    /// What any hostile file may cost the server to refuse. The bound is the budget of unzipped bytes (16 MB a part),
    /// which streams in about a second here; the margin keeps the check honest on a busy 2-core machine.
    /// </summary>
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(5);

    private const long MemoryBudget = 64L * 1024 * 1024;

    public static TheoryData<string> Cases() => [.. Hostile.Keys];

    private static readonly Dictionary<string, Func<byte[]>> Hostile = new()
    {
        ["nested 100 deep"] = () => Nested(100),
        ["nested 1,000 deep"] = () => Nested(1_000),
        ["nested 30,000 deep (4 KB)"] = () => Nested(30_000),
        ["64 MB of paragraphs"] = () => ManyParagraphs(64),
        ["64 MB of paragraphs with a run each"] = () => Bomb(64, "<w:p><w:r/></w:p>"),
        ["256 MB of paragraphs"] = () => ManyParagraphs(256),
        ["one text node of 64 MB"] = () => OneHugeText(64),
        ["text of 500,000 characters"] = () => Plain(new string('a', 500_000)),
        ["an internal DTD"] = () => Package(("word/document.xml",
            """<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>""" + Document(Paragraph("&a;"))["<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>".Length..])),
        ["a DTD in the styles"] = () => Package(
            ("word/document.xml", Document(Paragraph("Text"))),
            ("word/_rels/document.xml.rels", Rels(("rId1", StylesRel, "styles.xml"))),
            ("word/styles.xml", """<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>""")),
        ["XML that is not well formed"] = () => Package(("word/document.xml", Document("<w:p><w:r><w:t>open</w:r></w:p>"))),
        ["a root that is not a document"] = () => Package(("word/document.xml", "<html><body>Not Word</body></html>")),
        ["a declared encoding that does not exist"] = () => Package(("word/document.xml",
            """<?xml version="1.0" encoding="x-nowhere-9"?>""" + Document(Paragraph("Text"))["<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>".Length..])),
        ["an undeclared prefix"] = () => Package(("word/document.xml", Document("<x:p><w:r><w:t>Text</w:t></w:r></x:p>"))),
        ["no document part"] = () => Package(("word/other.xml", Document(Paragraph("Text")))),
        ["relationships that are not XML"] = () => Package(("word/document.xml", Document(Paragraph("Text"))), ("word/_rels/document.xml.rels", "{not xml")),
        ["a relationship to ../../etc/passwd"] = () => Package(
            ("word/document.xml", Document(Paragraph("Text"))),
            ("word/_rels/document.xml.rels", Rels(("rId1", StylesRel, "../../etc/passwd")))),
        ["the main part at ../../etc/passwd"] = () => Package(
            ("_rels/.rels", Rels(("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "../../etc/passwd"))),
            ("word/document.xml", Document(Paragraph("Text")))),
        ["zip entries declaring 10 bytes"] = () => LyingAboutSizes(ManyParagraphs(1), 10),
        ["a zip cut in half"] = () => Plain(new string('a', 10_000)) is var whole ? whole[..(whole.Length / 2)] : [],
    };

    private static readonly Dictionary<string, byte[]> Files = new();

    private static byte[] File(string name)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(name, out var bytes))
            {
                Files[name] = bytes = Hostile[name]();
            }

            return bytes;
        }
    }

    private static string Rels(params (string Id, string Type, string Target)[] relationships) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relationships.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{r.Type}\" Target=\"{r.Target}\"/>")) + "</Relationships>";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_a_hostile_file_is_refused_with_a_reason_within_its_time_and_memory_budget(string name)
    {
        var bytes = File(name);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var refused = Assert.Throws<NotAWordDocumentException>(() => WordReader.Read(new MemoryStream(bytes, writable: false), new WordBudget(400_000)));

        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        output.WriteLine($"{name}: {bytes.Length:N0} bytes, refused in {clock.Elapsed.TotalMilliseconds:F0} ms, {allocated / 1024:N0} KB allocated: {refused.Message}");
        Assert.True(clock.Elapsed < TimeBudget, $"{name}: {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(allocated < MemoryBudget, $"{name}: {allocated / (1024 * 1024)} MB allocated");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_a_hostile_file_as_a_redline_stays_within_the_same_time_and_memory_budget(string name)
    {
        var bytes = File(name);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        // The redline's reader reads fewer parts (the text and its comments): a part it never opens cannot hurt it.
        var refused = Record.Exception(() => WordRedline.Read(new MemoryStream(bytes, writable: false), new WordBudget(400_000)));

        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(refused is null or NotAWordDocumentException, $"{name}: {refused}");
        Assert.True(clock.Elapsed < TimeBudget, $"{name}: {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(allocated < MemoryBudget, $"{name}: {allocated / (1024 * 1024)} MB allocated");
    }

    [Fact]
    public void Nesting_as_deep_as_real_documents_go_reads_and_sizes_declared_larger_than_the_truth_are_not_trusted()
    {
        Assert.Equal("Deep\n", WordReader.Read(new MemoryStream(Nested(20)), new WordBudget(400_000)).Markdown);
        // The budget counts the bytes that come out of the zip, whatever it declares.
        Assert.Equal("Text\n", WordReader.Read(new MemoryStream(LyingAboutSizes(Plain("Text"), uint.MaxValue - 1)), new WordBudget(400_000)).Markdown);
    }

    [Fact]
    public async Task Every_hostile_file_uploaded_is_400_on_file_in_time_changes_nothing_and_the_server_keeps_answering()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement attacked through Word", "JointStatement", "ILO", ["IOM"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Draft\n");

        foreach (var name in Hostile.Keys)
        {
            var clock = Stopwatch.StartNew();
            var problem = await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(File(name), 1)), HttpStatusCode.BadRequest, "validation");
            Assert.True(clock.Elapsed < TimeBudget + TimeBudget, $"{name}: {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal(["file"], ProblemAssert.ErrorFields(problem));
            var redline = await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/annotations/import", Upload(File(name), 1, "revision")), HttpStatusCode.BadRequest, "validation");
            Assert.Equal(["file"], ProblemAssert.ErrorFields(redline));
        }

        Assert.Empty(await ilo.ListAnnotationsAsync(paper.Id));

        Assert.Equal(1, (await ilo.GetPaperAsync(paper.Id)).LatestRevision!.Number);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(Plain("Still here"), 1))).StatusCode);
        Assert.Equal("Still here\n", (await ilo.GetRevisionAsync(paper.Id, 2)).Body);
        Assert.Empty(host.Failures.All);
    }

    [Fact]
    public async Task A_stale_base_or_an_outsider_is_refused_before_the_file_is_read()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Statement with a stale upload", "JointStatement", "ILO", ["IOM"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Draft\n");

        // The 30,000-deep file never reaches the reader: the base is checked first.
        var stale = await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(File("nested 30,000 deep (4 KB)"), 0)), HttpStatusCode.Conflict, "stale-revision");
        Assert.Equal(1, stale.GetProperty("currentRevision").GetInt32());
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        await ProblemAssert.IsProblem(ohchr.Http.PostAsync($"/api/papers/{paper.Id}/revisions/import", Upload(File("nested 30,000 deep (4 KB)"), 1)), HttpStatusCode.NotFound);
        await ilo.AddRevisionAsync(paper.Id, 1, "# Draft\n\nMore.\n");
        await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/annotations/import", Upload(File("nested 30,000 deep (4 KB)"), 1, "revision")), HttpStatusCode.Conflict, "stale-revision");
        await ProblemAssert.IsProblem(ohchr.Http.PostAsync($"/api/papers/{paper.Id}/annotations/import", Upload(File("nested 30,000 deep (4 KB)"), 2, "revision")), HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent Upload(byte[] docx, int baseRevision, string field = "baseRevision")
    {
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return new MultipartFormDataContent { { file, "file", "upload.docx" }, { new StringContent(baseRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)), field } };
    }
}
