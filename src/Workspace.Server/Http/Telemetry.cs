using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Workspace.Server.Http;

/// <summary>
/// OpenTelemetry, on all the time: ASP.NET Core, EF Core and runtime metrics plus one histogram per request type
/// (<see cref="Pipeline.RequestMetrics"/>), scraped by Prometheus at <see cref="TelemetryOptions.PrometheusPath"/>
/// and/or pushed to an OTLP collector; traces of requests and SQL go to the collector when one is set.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddWorkspaceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(Pipeline.RequestMetrics.MeterName)
                    .AddMeter("Microsoft.EntityFrameworkCore");
                if (options.PrometheusPath.Length > 0)
                {
                    // Each scrape reads the values of that moment (scrapes come from this machine only, by default).
                    metrics.AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        return services;
    }

    public static void MapWorkspaceTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusPath.Length == 0)
        {
            return;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(options.PrometheusPath), scrape => scrape.Use((context, next) =>
        {
            if (options.ScrapeFromLoopbackOnly && context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        }));
        app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
    }
}
