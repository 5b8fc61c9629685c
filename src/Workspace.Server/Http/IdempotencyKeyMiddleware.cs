using Workspace.Server.Pipeline;

namespace Workspace.Server.Http;

/// <summary>Hands the <c>Idempotency-Key</c> header of a POST or PUT to the pipeline, refusing one that is malformed.</summary>
internal sealed class IdempotencyKeyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, IdempotencyKey key, IProblemDetailsService problems)
    {
        if ((HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method))
            && context.Request.Headers.TryGetValue(Header, out var values))
        {
            var value = values.ToString();
            if (value.Length is 0 or > 255 || values.Count > 1 || value.Any(c => c < 0x21 || c > 0x7e))
            {
                context.Response.StatusCode = 400;
                var problem = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [Header] = ["Send one key of 1 to 255 visible ASCII characters."],
                })
                {
                    Status = 400,
                    Type = Problems.TypeBase + "validation",
                    Title = "The request is not valid",
                    Detail = "The Idempotency-Key header is malformed.",
                };
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
                return;
            }

            key.Value = value;
        }

        await next(context);
    }
}
