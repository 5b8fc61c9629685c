using Ganss.Xss;
using Markdig;

namespace Workspace.Server.Components;

/// <summary>A draft's markdown as HTML a page may show: raw HTML in the text is not rendered, and what Markdig writes is sanitized as well.</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    public static Microsoft.AspNetCore.Components.MarkupString Render(string markdown) =>
        new(Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline)));
}
