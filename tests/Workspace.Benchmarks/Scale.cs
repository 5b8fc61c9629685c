using System.Globalization;
using System.Text;

namespace Workspace.Benchmarks;

/// <summary>One point of a scale curve: the figures measured at one size.</summary>
public sealed record ScalePoint(int Size, double BoardP50, double BoardP99, double CommentP50, double CommentP99, double ServerMegabytes);

/// <summary>A scale curve drawn as an SVG line chart: latency (left axis) and memory (right axis) against the size.</summary>
public static class ScalePlot
{
    public static string Svg(string title, string sizeName, IReadOnlyList<ScalePoint> points)
    {
        const int width = 720, height = 360, left = 60, right = 70, top = 40, bottom = 50;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var maxSize = points.Max(p => p.Size);
        var maxMs = Math.Max(1, points.Max(p => Math.Max(p.BoardP99, p.CommentP99))) * 1.1;
        var maxMb = Math.Max(1, points.Max(p => p.ServerMegabytes)) * 1.1;
        string X(int size) => (left + (double)size / maxSize * plotWidth).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double value, double max) => (top + plotHeight - value / max * plotHeight).ToString("F1", CultureInfo.InvariantCulture);
        string Line(Func<ScalePoint, double> value, double max, string colour, string dash) =>
            $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{string.Join(' ', points.Select(p => X(p.Size) + "," + Y(value(p), max)))}\"/>";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"{title}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{title}</title><rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"24\" font-size=\"15\" font-weight=\"600\" fill=\"#242424\">{title}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#616161\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\" stroke=\"#616161\"/><line x1=\"{left + plotWidth}\" y1=\"{top}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#616161\"/>");
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(p.Size)}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" fill=\"#242424\">{p.Size}</text>");
        }

        for (var i = 0; i <= 4; i++)
        {
            var ms = maxMs * i / 4;
            var mb = maxMb * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{Y(ms, maxMs)}\" text-anchor=\"end\" fill=\"#242424\">{ms:F0}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotWidth + 6}\" y=\"{Y(mb, maxMb)}\" fill=\"#616161\">{mb:F0}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotWidth / 2}\" y=\"{height - 12}\" text-anchor=\"middle\" fill=\"#242424\">{sizeName}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{top + plotHeight / 2}\" transform=\"rotate(-90 14 {top + plotHeight / 2})\" text-anchor=\"middle\" fill=\"#242424\">p99 latency, ms</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 12}\" y=\"{top + plotHeight / 2}\" transform=\"rotate(90 {width - 12} {top + plotHeight / 2})\" text-anchor=\"middle\" fill=\"#616161\">server memory, MB</text>");
        svg.Append(Line(p => p.BoardP99, maxMs, "#0f6cbd", "none"));
        svg.Append(Line(p => p.CommentP99, maxMs, "#0e700e", "6 3"));
        svg.Append(Line(p => p.ServerMegabytes, maxMb, "#616161", "2 3"));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 10}\" y=\"{top + 14}\" fill=\"#0f6cbd\">— board p99 (8 readers)</text><text x=\"{left + 200}\" y=\"{top + 14}\" fill=\"#0e700e\">- - comment p99 (16 writers)</text><text x=\"{left + 410}\" y=\"{top + 14}\" fill=\"#616161\">··· server memory</text>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
