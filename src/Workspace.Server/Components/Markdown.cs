using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

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
}
