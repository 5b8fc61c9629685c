using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// Word packages written byte by byte, as an attacker would rather than as Word does: deep nesting, zip bombs,
/// DTDs, broken XML, zip entries that lie about their size, relationships that point outside the package.
/// </summary>
public static class HostileDocx
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string PackageRels =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>A document part around <paramref name="body"/> (the inside of <c>w:body</c>).</summary>
    public static string Document(string body) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>""";

    public static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>A package of the given parts (name → XML); the content types and the package's relationships are added unless given.</summary>
    public static byte[] Package(params (string Name, string Xml)[] parts)
    {
        var all = new List<(string, string)>(parts);
        if (!parts.Any(p => p.Name == "[Content_Types].xml"))
        {
            all.Insert(0, ("[Content_Types].xml", ContentTypes));
        }

        if (!parts.Any(p => p.Name == "_rels/.rels"))
        {
            all.Insert(1, ("_rels/.rels", PackageRels));
        }

        return Zip(all.Select(p => (p.Item1, (Action<Stream>)(s => s.Write(Encoding.UTF8.GetBytes(p.Item2))))));
    }

    /// <summary>A readable document: one paragraph of <paramref name="text"/>.</summary>
    public static byte[] Plain(string text) => Package(("word/document.xml", Document(Paragraph(text))));

    /// <summary>Content controls nested <paramref name="depth"/> deep around one paragraph: a few kilobytes however deep.</summary>
    public static byte[] Nested(int depth)
    {
        var xml = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            xml.Append("<w:sdt><w:sdtContent>");
        }

        xml.Append(Paragraph("Deep"));
        for (var i = 0; i < depth; i++)
        {
            xml.Append("</w:sdtContent></w:sdt>");
        }

        return Package(("word/document.xml", Document(xml.ToString())));
    }

    /// <summary>A document part that unzips to about <paramref name="megabytes"/> MB of empty paragraphs.</summary>
    public static byte[] ManyParagraphs(int megabytes) => Bomb(megabytes, "<w:p/>");

    /// <summary>A document part whose one text node unzips to about <paramref name="megabytes"/> MB.</summary>
    public static byte[] OneHugeText(int megabytes) => Bomb(megabytes, "aaaaaaaaaaaaaaaa", open: "<w:p><w:r><w:t>", close: "</w:t></w:r></w:p>");

    /// <summary>The package with each entry's declared uncompressed size set to <paramref name="declared"/> (local header and central directory alike).</summary>
    public static byte[] LyingAboutSizes(byte[] package, uint declared)
    {
        var bytes = (byte[])package.Clone();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && i + 26 <= bytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            }
            else if (signature == 0x02014b50 && i + 28 <= bytes.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
            }
        }

        return bytes;
    }

    /// <summary>A document part of <paramref name="unit"/> repeated to about <paramref name="megabytes"/> MB, between <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static byte[] Bomb(int megabytes, string unit, string open = "", string close = "")
    {
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, 64 * 1024 / unit.Length)));
        var (head, tail) = Document("|").Split('|') is [var h, var t] ? (h, t) : throw new InvalidOperationException();
        return Zip([
            ("[Content_Types].xml", s => s.Write(Encoding.UTF8.GetBytes(ContentTypes))),
            ("_rels/.rels", s => s.Write(Encoding.UTF8.GetBytes(PackageRels))),
            ("word/document.xml", s =>
            {
                s.Write(Encoding.UTF8.GetBytes(head + open));
                for (long written = 0; written < megabytes * 1024L * 1024; written += chunk.Length)
                {
                    s.Write(chunk);
                }

                s.Write(Encoding.UTF8.GetBytes(close + tail));
            }),
        ]);
    }

    private static byte[] Zip(IEnumerable<(string Name, Action<Stream> Write)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                write(entry);
            }
        }

        return stream.ToArray();
    }
}
