using System.Text;
using System.Xml;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Word;

/// <summary>
/// Reads what an agency marked in a Word file: each paragraph's text as it stood before the marks (kept and deleted
/// text, without the insertions), with its tracked insertions, deletions and replacements and the Word comments over its
/// words. A table row is one paragraph, its cells joined by <c> | </c> as a block of the text reads. The file is untrusted:
/// one streaming pass per part under the <see cref="WordBudget"/>, as <see cref="WordReader"/> reads.
/// </summary>
public static class WordRedline
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The marked paragraphs (those with no mark too, for matching), and the comments that span paragraphs.</summary>
    public sealed record Redline(IReadOnlyList<MarkedParagraph> Paragraphs, IReadOnlyList<Unanchored> Unreadable);

    public static Redline Read(Stream docx, WordBudget budget) => WordPackage.Read(docx, budget, package => new Reader(package).Read());

    private enum Segment
    {
        Kept,
        Inserted,
        Deleted,
    }

    private sealed class Reader(WordPackage package)
    {
        private readonly Dictionary<string, string> comments = [];
        private readonly List<MarkedParagraph> paragraphs = [];
        private readonly List<Unanchored> unreadable = [];
        private readonly Dictionary<string, (int Paragraph, int At)> commentStarts = [];
        private readonly List<(Segment Kind, string Text)> segments = [];
        private readonly List<(string Id, int At, bool Start)> commentPoints = [];
        private long characters;

        public Redline Read()
        {
            var main = package.MainPart();
            if (package.Relationships(main).FirstOrDefault(r => !r.External && r.Kind == "comments" && package.Has(r.Target))?.Target is { } part)
            {
                using var xml = package.OpenXml(part);
                ReadComments(xml);
            }

            using (var xml = package.OpenXml(main))
            {
                ReadBody(xml);
            }

            foreach (var (id, _) in commentStarts)
            {
                unreadable.Add(new Unanchored("Comment", comments.GetValueOrDefault(id, ""), "The comment is not closed in the same paragraph as it starts: comment on each paragraph."));
            }

            return new Redline(paragraphs, unreadable);
        }

        private void ReadComments(XmlReader xml)
        {
            string? id = null;
            var text = new StringBuilder();
            var inText = false;
            while (xml.Read())
            {
                if (inText && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                {
                    text.Append(Count(xml.Value));
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == W)
                {
                    package.CheckDepth(xml);
                    switch (xml.LocalName)
                    {
                        case "comment":
                            (id, text) = (xml.GetAttribute("id", W), new StringBuilder());
                            break;
                        case "p" when text.Length > 0:
                            text.Append('\n');
                            break;
                        case "t" when id is not null && !xml.IsEmptyElement:
                            inText = true;
                            break;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "t")
                {
                    inText = false;
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "comment" && xml.NamespaceURI == W && id is not null)
                {
                    comments[id] = text.ToString().Trim();
                    id = null;
                }
            }
        }

        private void ReadBody(XmlReader xml)
        {
            // The state of the element being read: inside a tracked insertion or deletion, a table row, a paragraph.
            var inserted = new Stack<int>();
            var deleted = new Stack<int>();
            var row = -1;
            var cells = 0;
            var paragraphDepth = -1;
            var textDepth = -1;
            while (xml.Read())
            {
                if (textDepth >= 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                {
                    segments.Add((deleted.Count > 0 ? Segment.Deleted : inserted.Count > 0 ? Segment.Inserted : Segment.Kept, Count(xml.Value)));
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == W)
                {
                    package.CheckDepth(xml);
                    var depth = xml.Depth;
                    var empty = xml.IsEmptyElement;
                    switch (xml.LocalName)
                    {
                        case "tr" when row < 0 && !empty:
                            (row, cells) = (depth, 0);
                            break;
                        case "tc" when row >= 0 && cells++ > 0:
                            segments.Add((Segment.Kept, " | "));
                            break;
                        case "p" when paragraphDepth < 0 && !empty:
                            paragraphDepth = depth;
                            break;
                        case "ins" or "moveTo" when !empty:
                            inserted.Push(depth);
                            break;
                        case "del" or "moveFrom" when !empty:
                            deleted.Push(depth);
                            break;
                        case "t" or "delText" when (paragraphDepth >= 0 || row >= 0) && !empty:
                            textDepth = depth;
                            break;
                        case "tab" when paragraphDepth >= 0:
                            segments.Add((deleted.Count > 0 ? Segment.Deleted : inserted.Count > 0 ? Segment.Inserted : Segment.Kept, "\t"));
                            break;
                        case "br" or "cr" when paragraphDepth >= 0:
                            segments.Add((deleted.Count > 0 ? Segment.Deleted : inserted.Count > 0 ? Segment.Inserted : Segment.Kept, " "));
                            break;
                        case "commentRangeStart" when xml.GetAttribute("id", W) is { } id:
                            commentPoints.Add((id, Original(), true));
                            break;
                        case "commentRangeEnd" when xml.GetAttribute("id", W) is { } id:
                            commentPoints.Add((id, Original(), false));
                            break;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.Depth == textDepth)
                    {
                        textDepth = -1;
                    }

                    Ended(xml, inserted, deleted, ref row, ref paragraphDepth);
                }
            }
        }

        private void Ended(XmlReader xml, Stack<int> inserted, Stack<int> deleted, ref int row, ref int paragraphDepth)
        {
            if (xml.NamespaceURI != W)
            {
                return;
            }

            var depth = xml.Depth;
            if (xml.LocalName is "ins" or "moveTo" && inserted.TryPeek(out var i) && i == depth)
            {
                inserted.Pop();
            }
            else if (xml.LocalName is "del" or "moveFrom" && deleted.TryPeek(out var d) && d == depth)
            {
                deleted.Pop();
            }
            else if (xml.LocalName == "p" && depth == paragraphDepth)
            {
                paragraphDepth = -1;
                if (row < 0)
                {
                    Close();
                }
            }
            else if (xml.LocalName == "tr" && depth == row)
            {
                row = -1;
                Close();
            }
        }

        /// <summary>Where the paragraph's text before the marks has reached.</summary>
        private int Original() => segments.Where(s => s.Kind != Segment.Inserted).Sum(s => s.Text.Length);

        /// <summary>A paragraph ends: its text before the marks, its changes (a deletion right beside an insertion is one replacement) and its comments.</summary>
        private void Close()
        {
            // An empty paragraph holds nothing to match or place: nothing is kept of it (a file of a million costs nothing).
            if (segments.Count == 0 && commentPoints.Count == 0)
            {
                return;
            }

            var text = new StringBuilder();
            var marks = new List<Mark>();
            for (var k = 0; k < segments.Count; k++)
            {
                var (kind, words) = segments[k];
                if (kind == Segment.Kept)
                {
                    text.Append(words);
                    continue;
                }

                // A run of changes: the deleted words and the inserted ones, in whatever order Word wrote them.
                var (removed, added) = (new StringBuilder(), new StringBuilder());
                for (; k < segments.Count && segments[k].Kind != Segment.Kept; k++)
                {
                    (segments[k].Kind == Segment.Deleted ? removed : added).Append(segments[k].Text);
                }

                k--;
                var at = text.Length;
                text.Append(removed);
                marks.Add(removed.Length == 0 ? new Mark(MarkKind.Insert, at, 0, added.ToString())
                    : added.Length == 0 ? new Mark(MarkKind.Delete, at, removed.Length, null)
                    : new Mark(MarkKind.Replace, at, removed.Length, added.ToString()));
            }

            var index = paragraphs.Count;
            foreach (var (id, at, start) in commentPoints)
            {
                if (start)
                {
                    commentStarts[id] = (index, at);
                }
                else if (commentStarts.Remove(id, out var opened))
                {
                    if (opened.Paragraph == index)
                    {
                        marks.Add(new Mark(MarkKind.Comment, opened.At, Math.Max(0, at - opened.At), comments.GetValueOrDefault(id, "")));
                    }
                    else
                    {
                        unreadable.Add(new Unanchored("Comment", comments.GetValueOrDefault(id, ""), "The comment covers words of several paragraphs: comment on each paragraph."));
                    }
                }
            }

            // A comment opened here and closed in a later paragraph stays open, and is reported there.
            paragraphs.Add(new MarkedParagraph(text.ToString(), marks));
            segments.Clear();
            commentPoints.Clear();
        }

        private string Count(string text)
        {
            characters += text.Length;
            if (characters > package.Budget.MaxCharacters)
            {
                throw new NotAWordDocumentException($"This document's text is longer than a revision may be ({package.Budget.MaxCharacters} characters).");
            }

            return text;
        }
    }
}
