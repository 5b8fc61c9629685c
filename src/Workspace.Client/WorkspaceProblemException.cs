using System.Net;
using System.Text.Json;

namespace Workspace.Client;

/// <summary>The server refused a request: its RFC 9457 problem details.</summary>
public sealed class WorkspaceProblemException : Exception
{
    /// <summary>Creates the exception from a problem response.</summary>
    public WorkspaceProblemException(HttpStatusCode status, string? type, string? title, string? detail, JsonElement body)
        : base($"{(int)status} {title}: {detail}")
    {
        Status = status;
        Type = type;
        Title = title;
        Detail = detail;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The stable problem type, such as <c>https://workspace/errors/stale-revision</c>.</summary>
    public string? Type { get; }

    /// <summary>A short summary.</summary>
    public string? Title { get; }

    /// <summary>What went wrong, for people.</summary>
    public string? Detail { get; }

    /// <summary>The whole problem document, including <c>errors</c> and other extensions.</summary>
    public JsonElement Body { get; }
}
