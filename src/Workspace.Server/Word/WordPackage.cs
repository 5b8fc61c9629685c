using System.IO.Compression;
using System.Xml;

namespace Workspace.Server.Word;

/// <summary>
/// What reading one uploaded Word file may cost, whatever it holds: the cost of a read is bounded by these
/// numbers, never by the content (a few kilobytes can unzip to gigabytes or nest elements 30,000 deep).
/// </summary>
/// <param name="MaxCharacters">Text characters kept, in all (a revision's limit).</param>
public sealed record WordBudget(int MaxCharacters)
{
    /// <summary>Entries in the zip; Word writes a few dozen, a picture each more.</summary>
    public int MaxEntries { get; init; } = 2_000;

    /// <summary>Bytes one XML part may unzip to.</summary>
    public long MaxPartBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Bytes every XML part read may unzip to, together.</summary>
    public long MaxTotalBytes { get; init; } = 24L * 1024 * 1024;

    /// <summary>Nesting of XML elements; Word's deepest real nesting (tables in tables in content controls) stays far below.</summary>
    public int MaxDepth { get; init; } = 64;
}

/// <summary>A .docx the file is not, or one that reading would cost more than its budget: the message says which.</summary>
public sealed class NotAWordDocumentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One relationship of a part: an internal part's name in the zip, or an external address.</summary>
internal sealed record WordRelationship(string Id, string Type, string Target, bool External)
{
    /// <summary>The last segment of the relationship type (<c>styles</c>, <c>footnotes</c>, <c>hyperlink</c>, …), the same for transitional and strict documents.</summary>
    public string Kind => Type[(Type.LastIndexOf('/') + 1)..];
}

/// <summary>
/// An uploaded Word package read under a <see cref="WordBudget"/>: the zip's directory is checked, parts are
/// unzipped through a counting stream, and every XML part is read by a streaming <see cref="XmlReader"/> that
/// refuses DTDs and resolves nothing. Nothing here builds a document tree of untrusted input.
/// </summary>
internal sealed class WordPackage : IDisposable
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.OrdinalIgnoreCase);
    private long unzipped;

    private WordPackage(ZipArchive zip, WordBudget budget)
    {
        this.zip = zip;
        Budget = budget;
        if (zip.Entries.Count > budget.MaxEntries)
        {
            throw new NotAWordDocumentException($"This file has {zip.Entries.Count} parts; a Word document has far fewer (at most {budget.MaxEntries} are read).");
        }

        foreach (var entry in zip.Entries)
        {
            entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        }
    }

    public WordBudget Budget { get; }

    /// <summary>
    /// Opens <paramref name="docx"/> under <paramref name="budget"/> and reads it with <paramref name="read"/>: whatever is
    /// malformed (XML, zip, encoding) is a <see cref="NotAWordDocumentException"/> saying where.
    /// </summary>
    public static T Read<T>(Stream docx, WordBudget budget, Func<WordPackage, T> read)
    {
        WordPackage? package = null;
        try
        {
            package = Open(docx, budget);
            return read(package);
        }
        catch (XmlException e)
        {
            throw new NotAWordDocumentException($"This file is not a Word document that can be read: its part {package?.CurrentPart} is not XML as Word writes it ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.DecoderFallbackException or IOException)
        {
            throw new NotAWordDocumentException($"This file is not a Word document that can be read: its zip is damaged ({e.Message})", e);
        }
        finally
        {
            package?.Dispose();
        }
    }

    /// <summary>The part being read, for messages that say where a problem is.</summary>
    public string? CurrentPart { get; private set; }

    public static WordPackage Open(Stream stream, WordBudget budget)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            throw new NotAWordDocumentException("This file is not a Word document (.docx).", e);
        }

        try
        {
            return new WordPackage(zip, budget);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>The main document part's name, from the package's own relationships (or where Word puts it).</summary>
    public string MainPart()
    {
        var main = Relationships("").FirstOrDefault(r => r.Kind == "officeDocument" && !r.External)?.Target ?? "word/document.xml";
        return entries.ContainsKey(main) ? main : throw new NotAWordDocumentException("This file has no Word text in it (no document part).");
    }

    public bool Has(string part) => entries.ContainsKey(part);

    /// <summary>The relationships of <paramref name="part"/> ("" for the package's), internal targets resolved to part names.</summary>
    public IReadOnlyList<WordRelationship> Relationships(string part)
    {
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..part.LastIndexOf('/')] : "";
        var relsPart = (folder.Length == 0 ? "" : folder + "/") + "_rels/" + part[(part.LastIndexOf('/') + 1)..] + ".rels";
        if (!entries.ContainsKey(relsPart))
        {
            return [];
        }

        var relationships = new List<WordRelationship>();
        using var xml = OpenXml(relsPart);
        xml.MoveToContent();
        if (xml.LocalName != "Relationships" || xml.NamespaceURI != PackageRelationships)
        {
            throw new NotAWordDocumentException($"This file is not a Word document: its part {relsPart} is not a list of relationships.");
        }

        if (xml.IsEmptyElement)
        {
            return relationships;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            CheckDepth(xml);
            if (xml.LocalName == "Relationship" && xml.NamespaceURI == PackageRelationships
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target)
            {
                var external = string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                relationships.Add(new WordRelationship(id, type, external ? target : Resolve(folder, target, relsPart), external));
            }
        }

        return relationships;
    }

    /// <summary>
    /// A streaming reader of one XML part, under the budget: no DTD (an <see cref="XmlException"/>), nothing
    /// resolved, the unzipped bytes counted as they are read.
    /// </summary>
    public XmlReader OpenXml(string part)
    {
        if (!entries.TryGetValue(part, out var entry))
        {
            throw new NotAWordDocumentException($"This file is not a Word document: the part {part} is missing.");
        }

        CurrentPart = part;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = Budget.MaxPartBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new CountingStream(entry.Open(), this, part, entry.Length), settings);
    }

    /// <summary>Refuses an element nested deeper than the budget allows (called at every element start).</summary>
    public void CheckDepth(XmlReader xml)
    {
        if (xml.Depth > Budget.MaxDepth)
        {
            throw new NotAWordDocumentException($"This file is not a Word document that can be read: its part {CurrentPart} nests elements more than {Budget.MaxDepth} deep.");
        }
    }

    public void Dispose() => zip.Dispose();

    private static string Resolve(string folder, string target, string relsPart)
    {
        var path = Uri.UnescapeDataString(target.Split('#')[0]).Replace('\\', '/');
        var segments = new List<string>();
        foreach (var segment in ((path.StartsWith('/') ? "" : folder + "/") + path).Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    throw new NotAWordDocumentException($"This file is not a Word document: {relsPart} points outside the document ({target}).");
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private void Count(int bytes, ref long partBytes, string part, long declared)
    {
        // A declared size is never trusted for what it allows, only for what it forbids: an entry that unzips to
        // more than its zip says was made to mislead a reader.
        if (partBytes + bytes > declared)
        {
            throw new NotAWordDocumentException($"This file is not a Word document that can be read: its zip says {part} has {declared} bytes, but it unzips to more.");
        }

        partBytes += bytes;
        unzipped += bytes;
        if (partBytes > Budget.MaxPartBytes || unzipped > Budget.MaxTotalBytes)
        {
            throw new NotAWordDocumentException(
                $"This file unzips to more than {Math.Min(Budget.MaxPartBytes, Budget.MaxTotalBytes) / (1024 * 1024)} MB of text and markup (at {part}); a Word document of a revision's length never does.");
        }
    }

    /// <summary>A part's unzipped bytes, counted against the part's and the package's budgets while they are read.</summary>
    private sealed class CountingStream(Stream inner, WordPackage package, string part, long declared) : Stream
    {
        private long partBytes;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            package.Count(read, ref partBytes, part, declared);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            package.Count(read, ref partBytes, part, declared);
            return read;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
