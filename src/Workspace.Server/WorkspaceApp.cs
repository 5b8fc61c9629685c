using System.Text.Json.Serialization;
using Workspace.Server.Auth;
using Workspace.Server.Components;
using Workspace.Server.Data;
using Workspace.Server.Http;
using Workspace.Server.Jobs;
using Workspace.Server.Live;
using Workspace.Server.Mail;
using Workspace.Server.Pipeline;

namespace Workspace.Server;

/// <summary>The server's composition: what it is made of, then how requests flow. Program and the tests both build it here.</summary>
public static class WorkspaceApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Named for the server even when a test host starts it, so the static web assets of a build are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WorkspaceApp).Assembly.GetName().Name });
        // From a build (not a publish) the stylesheet, the scripts and Blazor's own script are found through the build's manifest, in any environment.
        builder.WebHost.UseStaticWebAssets();
        // Safe levels with no configuration at all, below every source; and categories that would write secrets
        // in URLs or every SQL statement stay quiet whatever is configured for their parents.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = RequestLog.DefaultLevels });
        foreach (var category in RequestLog.QuietCategories)
        {
            builder.Logging.AddFilter(category, level => level >= LogLevel.Warning);
        }

        // A failed start is reported by Program in one line; the host's own report is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Critical);

        var services = builder.Services;
        services.AddOptions<GroupOptions>().BindConfiguration("Group").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration("Seed");
        services.AddOptions<BootstrapOptions>().BindConfiguration("Bootstrap");
        services.AddOptions<AccessOptions>().BindConfiguration("Access").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignOffOptions>().BindConfiguration("SignOff").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MeetingOptions>().BindConfiguration("Meetings").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LiveOptions>().BindConfiguration("Live").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration("Api").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TelemetryOptions>().BindConfiguration("Telemetry").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration("Jobs").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SingleSignOnOptions>().BindConfiguration("SingleSignOn").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        var maxBody = builder.Configuration.GetSection("Api").Get<ApiOptions>()?.MaxRequestBodyBytes ?? new ApiOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

        services.AddWorkspaceData(builder.Configuration, builder.Environment);
        services.AddScoped<DemoSeed>();
        services.AddWorkspaceAuth(builder.Configuration, builder.Environment);
        services.AddWorkspacePipeline();
        services.AddAreas();
        services.AddWorkspaceRateLimits();
        services.AddPublicUrl(builder.Configuration);
        services.AddForwardedHeaders(builder.Configuration);
        services.AddWorkspaceJobs();
        services.AddWorkspaceMail();
        services.AddWorkspaceLive();
        services.AddWorkspaceTelemetry(builder.Configuration);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<Problems>();
        services.AddSingleton<Pipeline.IRefusals, RefusalsAsProblems>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        });
        services.AddWorkspaceUi();
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiDocumentInfo>());
        FluentValidation.ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        Pipeline.PeopleMessages.Apply();

        // Last, so a host built for tests can replace any service (the clock, above all).
        configure?.Invoke(builder);

        var app = builder.Build();

        // First: every later part (limits, the metrics' loopback check, redirects) sees the client the proxies saw.
        app.UseForwardedHeaders();
        app.UseRequestLog();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWorkspaceStatusPages();
        // Routing after the status pages, so that a page shown for a status is routed as a request of its own.
        app.UseRouting();
        app.UseWorkspaceCulture();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyKeyMiddleware>();
        app.UseAntiforgery();
        app.UseCookieFormGuard();
        app.UseStaticFiles();

        app.MapAreas();
        app.MapWorkspaceLive();
        app.MapWorkspaceJobsDashboard();
        app.MapHealthChecks("/healthz");
        app.MapWorkspaceTelemetry();
        app.MapOpenApi();
        app.MapApiReference();
        app.MapWorkspaceUi();
        return app;
    }
}
