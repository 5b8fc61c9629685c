using FluentValidation.Results;

namespace Workspace.Server.Http;

/// <summary>
/// Lists that grow with the group's history (papers, publications, notifications) answer a page at a time:
/// <c>limit</c> entries (1–<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>) from <c>offset</c>, in the
/// list's own order, with <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288) while more follow. The handler is asked for one
/// entry more than the page holds, so the answer knows whether there is a next page without counting the rest.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>Which entries a request asks for.</summary>
    public sealed record Page(int Offset, int Limit)
    {
        /// <summary>What to ask the handler for: the page and one more.</summary>
        public int Take => Limit + 1;
    }

    /// <summary>The page asked for; a limit or offset out of range is a 400 naming it.</summary>
    public static Page From(int? limit, int? offset)
    {
        var failures = new List<ValidationFailure>();
        if (limit is < 1 or > MaxLimit)
        {
            failures.Add(new ValidationFailure("limit", $"Ask for 1 to {MaxLimit} entries at a time."));
        }

        if (offset is < 0)
        {
            failures.Add(new ValidationFailure("offset", "Start at 0 or later."));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : new Page(offset ?? 0, limit ?? DefaultLimit);
    }

    /// <summary>The page's entries, and a link to the next page when the handler found more (relative: never the Host header).</summary>
    public static IReadOnlyList<T> Answer<T>(HttpContext http, Page page, IReadOnlyList<T> pageAndOneMore)
    {
        if (pageAndOneMore.Count <= page.Limit)
        {
            return pageAndOneMore;
        }

        var query = http.Request.Query.Where(q => q.Key is not ("offset" or "limit"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"limit={page.Limit}").Append($"offset={page.Offset + page.Limit}");
        http.Response.Headers.Append("Link", $"<{http.Request.PathBase}{http.Request.Path}?{string.Join('&', query)}>; rel=\"next\"");
        return [.. pageAndOneMore.Take(page.Limit)];
    }
}
