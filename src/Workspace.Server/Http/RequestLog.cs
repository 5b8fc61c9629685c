using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Workspace.Server.Http;

/// <summary>
/// One line per request (method, path, query with its secrets redacted, status, time), in place of the
/// framework's request lines, whose URLs would carry hub <c>access_token</c>s and calendar-feed secrets.
/// </summary>
public static partial class RequestLog
{
    /// <summary>Categories that write request URLs or SQL: kept at Warning whatever the configuration says of their parents.</summary>
    public static readonly IReadOnlyList<string> QuietCategories =
        ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.HttpLogging", "Microsoft.EntityFrameworkCore.Database.Command"];

    /// <summary>The levels a server has with no configuration at all: below every configuration source.</summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Hangfire"] = "Warning",
    };

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLog).FullName!);
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            // Read before the request runs: later parts may rewrite them (the hub drops its access_token).
            var (method, path, query) = (context.Request.Method, context.Request.Path.Value ?? "", Redact(context.Request.QueryString.Value));
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Request(logger, method, path, query, context.Response.StatusCode, elapsed);
            }
        });
    }

    /// <summary>"?id=1&amp;access_token=abc" → "?id=1&amp;access_token=***".</summary>
    public static string Redact(string? query) =>
        string.IsNullOrEmpty(query) ? "" : Secret().Replace(query, m => m.Groups[1].Value + "=***");

    [GeneratedRegex(@"((?:^|[?&])[^=&]*(?:token|password|secret|key|code)[^=&]*)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}{Query} → {Status} in {Milliseconds:0.0} ms")]
    private static partial void Request(ILogger logger, string method, string path, string query, int status, double milliseconds);
}
