using Scalar.AspNetCore;

namespace Workspace.Server.Http;

public static class ApiReference
{
    public const string Path = "/api-reference";

    /// <summary>A readable page over <c>/openapi/v1.json</c> for integrators.</summary>
    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, options => options.WithTitle("Inter-Agency Workspace API"));
}
