using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workspace.Server.Http;

/// <summary>Names the API and declares its bearer scheme in <c>/openapi/v1.json</c>.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Inter-Agency Workspace API",
            Version = "v1",
            Description = "Membership, joint papers and their sign-off, meetings, and the event log of an inter-agency coordination group. " +
                "Sign in with POST /api/auth/login and send the token as `Authorization: Bearer …`. Errors are RFC 9457 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/auth/login.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
        return Task.CompletedTask;
    }
}
