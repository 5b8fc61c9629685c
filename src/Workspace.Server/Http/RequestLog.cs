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

    /// <summary>
    /// "?id=1&amp;access_token=abc" → "?id=1&amp;access_token=***". One rule for every parameter, named or not yet
    /// named: a value is written only when it is plainly not a secret (a number, a date, an identifier, a word of a
    /// few letters) and its name does not say secret; anything else (every sealed link's <c>t</c>, every token) is
    /// <c>***</c>. A new parameter can only be hidden too much, never shown.
    /// </summary>
    public static string Redact(string? query) =>
        string.IsNullOrEmpty(query) ? "" : Parameter().Replace(query, m =>
            SecretName().IsMatch(m.Groups[1].Value) || !Harmless().IsMatch(m.Groups[2].Value) ? m.Groups[1].Value + "=***" : m.Value);

    [GeneratedRegex(@"(?<=^|[?&])([^=&]*)=([^&]*)")]
    private static partial Regex Parameter();

    [GeneratedRegex("token|password|secret|key|code|sig", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>Short words and numbers (at most 16 characters), dates and times, or a GUID.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z0-9._+\-]{0,16}|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:.]+(?:Z|(?:%2B|\+|-)[0-9:%A]+)?)?|[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})$")]
    private static partial Regex Harmless();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}{Query} → {Status} in {Milliseconds:0.0} ms")]
    private static partial void Request(ILogger logger, string method, string path, string query, int status, double milliseconds);
}
