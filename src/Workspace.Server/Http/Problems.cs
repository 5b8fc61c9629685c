using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Workspace.Server.Auth;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Http;

/// <summary>
/// The one place where refusals become RFC 9457 problem details, each with a stable <c>type</c>.
/// Anything a client can send maps to a 4xx; only a fault of the server is a 500.
/// </summary>
internal sealed partial class Problems(IProblemDetailsService problemDetails, ILogger<Problems> logger) : IExceptionHandler
{
    public const string TypeBase = "https://workspace/errors/";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = ToProblem(exception);
        if (problem.Status == 503)
        {
            var retryAfter = httpContext.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.RetryAfterSeconds;
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            StorageUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem.Status >= 500)
        {
            UnhandledFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (exception is TooManyAttemptsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        _ when Data.StorageFailure.Find(exception) is not null || exception is Data.StorageWriteException => Problem(503, "storage-unavailable", "Storage unavailable",
            "The server cannot store anything right now (its storage is full or read-only). Nothing was changed; try again later."),
        _ when Data.StorageFailure.FindServerFailure(exception) is not null => Problem(503, "storage-unavailable", "Storage unavailable",
            "The server cannot reach its database right now. Try again later: a request that was not answered may or may not have been done, and a retry with the same Idempotency-Key is safe."),
        ValidationException v => Validation(v.Errors),
        FieldRefusedException f => Validation([new ValidationFailure(f.Field, f.Message)]),
        RuleBrokenException r => WithExtensions(Problem(409, r.Code, "Conflict with the current state", r.Message), r.Extensions),
        NotFoundException n => Problem(404, "not-found", "Not found", n.Message),
        ForbiddenException f => Problem(403, "forbidden", "Not allowed", f.Message),
        NotPermittedException f => Problem(403, "forbidden", "Not allowed", f.Message),
        WrongCredentialsException w => Problem(401, "wrong-credentials", "Sign-in failed", w.Message),
        TooManyAttemptsException t => Problem(429, "too-many-attempts", "Too many attempts", t.Message),
        UnauthenticatedException u => Problem(401, "unauthenticated", "Sign-in required", u.Message),
        LimitExceededException l => Problem(422, l.Code, "Beyond what the server computes", l.Message),
        IdempotencyKeyReusedException i => Problem(422, "idempotency-key-reused", "Idempotency-Key reused", i.Message),
        DbUpdateConcurrencyException => Problem(409, "concurrent-update", "Changed meanwhile",
            "Someone else changed this at the same time. Read it again and retry."),
        BadHttpRequestException { InnerException: JsonException json } => Json(json),
        BadHttpRequestException b => Problem(b.StatusCode, b.StatusCode switch
        {
            413 => "body-too-large",
            415 => "unsupported-media-type",
            _ => "bad-request",
        }, b.StatusCode == 413 ? "Request body too large" : "Bad request", b.Message),
        JsonException json => Json(json),
        _ => Problem(500, "internal", "Internal error", "The server failed to handle the request. It has been logged."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable for {Method} {Path}; answered 503")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure for {Method} {Path}")]
    private static partial void UnhandledFailure(ILogger logger, Exception exception, string method, string path);

    public static ProblemDetails Problem(int status, string type, string title, string detail) => new()
    {
        Status = status,
        Type = TypeBase + type,
        Title = title,
        Detail = detail,
    };

    private static HttpValidationProblemDetails Validation(IEnumerable<ValidationFailure> failures)
    {
        var errors = failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = 400,
            Type = TypeBase + "validation",
            Title = "The request is not valid",
            Detail = "See errors for each field.",
        };
    }

    private static HttpValidationProblemDetails Json(JsonException json)
    {
        // Path is like "$.kind" or "$.agencyCodes[1]"; the field is what follows "$.".
        var field = json.Path is { Length: > 2 } path ? path[2..] : "body";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "body" ? "The body is not valid JSON for this request." : "This value is not valid here (wrong type, or not one of the allowed values)."],
        })
        {
            Status = 400,
            Type = TypeBase + "malformed-request",
            Title = "The request body could not be read",
            Detail = json.Path is null ? "The body is not valid JSON." : $"The value at {json.Path} is not valid.",
        };
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (name, value) in extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>"AgencyCodes[0]" → "agencyCodes[0]", "Body.Name" → "body.name".</summary>
    internal static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));

    /// <summary>Gives every problem the framework writes by itself (404 of an unknown route, 405) a stable type.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
        {
            context.ProblemDetails.Type = TypeBase + status switch
            {
                400 => "bad-request",
                401 => "unauthenticated",
                403 => "forbidden",
                404 => "not-found",
                405 => "method-not-allowed",
                413 => "body-too-large",
                415 => "unsupported-media-type",
                429 => "rate-limited",
                _ => "http-" + status,
            };
        }

        context.ProblemDetails.Detail ??= status switch
        {
            401 => "Sign in first: send a bearer token from POST /api/auth/login.",
            403 => "You are signed in but may not do this.",
            404 => "Nothing is at this address, or it is not visible to you.",
            405 => "This address does not accept that method.",
            _ => context.ProblemDetails.Title,
        };
        context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }
}

/// <summary>A request within its shape whose answer would cost more than the server spends on one answer (422).</summary>
public sealed class LimitExceededException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The pipeline's metrics count as refused what this edge answers with a 4xx.</summary>
internal sealed class RefusalsAsProblems : Pipeline.IRefusals
{
    public bool IsRefusal(Exception exception) => Problems.ToProblem(exception).Status < 500;
}
