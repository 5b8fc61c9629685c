using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Components;

/// <summary>
/// A draft's markdown as HTML a page may show: raw HTML in the text is not rendered, what Markdig writes is
/// sanitized as well, and headings start at level 2, under the page's own one <c>h1</c>.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    public static Microsoft.AspNetCore.Components.MarkupString Render(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        return new(Sanitizer.Sanitize(document.ToHtml(Pipeline)));
    }

    /// <summary>The same, for the numbered blocks of a revision: each carries its id and number, shown before it.</summary>
    private static readonly HtmlSanitizer BlockSanitizer = Numbered();

    /// <summary>
    /// A revision's text by its numbered blocks (<paramref name="blocks"/>, split from the same body): each block's element
    /// carries <c>id="b-{id}"</c>, <c>data-block</c> and <c>data-number</c>, starts with its number ("¶ 3") and, where
    /// <paramref name="action"/> gives one, ends with that block's own control (a link, for people without a mouse).
    /// </summary>
    public static Microsoft.AspNetCore.Components.MarkupString RenderBlocks(string markdown, IReadOnlyList<(string Id, int Number)> blocks,
        Func<string, int, string>? action = null)
    {
        var document = Blocks.Parse(markdown);
        var parts = Blocks.Walk(document, markdown).ToList();
        if (parts.Count != blocks.Count)
        {
            return Render(markdown);
        }

        foreach (var ((node, _, _, _), (id, number)) in parts.Zip(blocks))
        {
            var attributes = node.GetAttributes();
            attributes.Id = "b-" + id;
            attributes.AddClass("block");
            attributes.AddProperty("data-block", id);
            attributes.AddProperty("data-number", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var inline = node switch
            {
                LeafBlock { Inline: { } leaf } => leaf,
                TableRow row => row.OfType<TableCell>().FirstOrDefault()?.OfType<ParagraphBlock>().FirstOrDefault()?.Inline,
                _ => null,
            };
            if (inline is null)
            {
                continue;
            }

            var marker = new HtmlInline($"<span class=\"block-number\">¶ {number}</span> ");
            if (inline.FirstChild is { } first)
            {
                first.InsertBefore(marker);
            }
            else
            {
                inline.AppendChild(marker);
            }

            if (action?.Invoke(id, number) is { Length: > 0 } html)
            {
                inline.AppendChild(new HtmlInline(" " + html));
            }
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        return new(BlockSanitizer.Sanitize(document.ToHtml(Pipeline)));
    }

    private static HtmlSanitizer Numbered()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var attribute in new[] { "id", "class", "data-block", "data-number", "data-enhance-nav" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        return sanitizer;
    }
}
