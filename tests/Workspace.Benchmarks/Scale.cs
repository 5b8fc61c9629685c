using System.Globalization;
using System.Text;

namespace Workspace.Benchmarks;

/// <summary>One point of a scale curve of papers or agencies: the board's latency and a writer's, and the server's memory, at one size.</summary>
public sealed record ScalePoint(int Size, double BoardP50, double BoardP99, double WriteP50, double WriteP99, double ServerMegabytes);

/// <summary>One point of the curve of connected clients: one event's travel to all of them, beside a bare broadcast to as many.</summary>
public sealed record ClientsPoint(int Size, double HubP50, double HubP99, double HubMax, double BareP99, int ClientsMissingAny, double ServerMegabytes);

/// <summary>One line of a scale plot, on the latency axis.</summary>
public sealed record ScaleSeries(string Label, string Colour, string Dash, IReadOnlyList<double> Values);

/// <summary>A scale curve drawn as an SVG line chart: latencies (left axis) and memory (right axis) against the size.</summary>
public static class ScalePlot
{
    public static string Svg(string title, string sizeName, IReadOnlyList<int> sizes, IReadOnlyList<ScaleSeries> latencies, IReadOnlyList<double> megabytes)
    {
        const int width = 720, height = 360, left = 60, right = 70, top = 40, bottom = 50;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var maxSize = sizes.Max();
        var maxMs = Math.Max(1, latencies.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(1).Max()) * 1.1;
        var maxMb = Math.Max(1, megabytes.Max()) * 1.1;
        string X(int size) => (left + (double)size / maxSize * plotWidth).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double value, double max) => (top + plotHeight - value / max * plotHeight).ToString("F1", CultureInfo.InvariantCulture);
        string Line(IReadOnlyList<double> values, double max, string colour, string dash) =>
            $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{string.Join(' ', sizes.Select((size, i) => X(size) + "," + Y(values[i], max)))}\"/>";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"{title}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{title}</title><rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"24\" font-size=\"15\" font-weight=\"600\" fill=\"#242424\">{title}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#616161\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\" stroke=\"#616161\"/><line x1=\"{left + plotWidth}\" y1=\"{top}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#616161\"/>");
        foreach (var size in sizes)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(size)}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" fill=\"#242424\">{size}</text>");
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
        var legend = left + 10;
        foreach (var series in latencies)
        {
            svg.Append(Line(series.Values, maxMs, series.Colour, series.Dash));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legend}\" y=\"{top + 14}\" fill=\"{series.Colour}\">{series.Label}</text>");
            legend += 200;
        }

        svg.Append(Line(megabytes, maxMb, "#616161", "2 3"));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legend}\" y=\"{top + 14}\" fill=\"#616161\">··· server memory</text>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The plot of a curve of papers or agencies: the board's p99 and a writer's.</summary>
    public static string Svg(string title, string sizeName, string writes, IReadOnlyList<ScalePoint> points) =>
        Svg(title, sizeName, [.. points.Select(p => p.Size)],
            [new("— board p99 (8 readers)", "#0f6cbd", "none", [.. points.Select(p => p.BoardP99)]),
             new($"- - {writes} p99 (16 writers)", "#0e700e", "6 3", [.. points.Select(p => p.WriteP99)])],
            [.. points.Select(p => p.ServerMegabytes)]);

    /// <summary>The plot of the curve of connected clients: the hub's p99 from commit and the bare broadcast's.</summary>
    public static string Svg(string title, string sizeName, IReadOnlyList<ClientsPoint> points) =>
        Svg(title, sizeName, [.. points.Select(p => p.Size)],
            [new("— workspace hub p99", "#0f6cbd", "none", [.. points.Select(p => p.HubP99)]),
             new("- - bare SignalR broadcast p99", "#0e700e", "6 3", [.. points.Select(p => p.BareP99)])],
            [.. points.Select(p => p.ServerMegabytes)]);
}
