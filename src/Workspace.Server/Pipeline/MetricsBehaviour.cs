using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workspace.Server.Pipeline;

/// <summary>
/// How long each kind of request takes, whoever sends it (API, hub, page, job): one histogram, tagged with the
/// request's use case, whether it is a command or a query, and how it ended (ok, refused: a 4xx, failed: a 5xx).
/// </summary>
public sealed class RequestMetrics
{
    public const string MeterName = Data.WorkspaceMeter.Name;

    public RequestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        Duration = meter.CreateHistogram<double>("workspace.request.duration", "s", "Time to handle one MediatR request, through the whole pipeline.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    public Histogram<double> Duration { get; }
}

/// <summary>Outermost in the pipeline, so that refusals by the other behaviours are timed too.</summary>
internal sealed class MetricsBehaviour<TRequest, TResponse>(RequestMetrics metrics, IRefusals refusals) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly KeyValuePair<string, object?> UseCase = new("request", typeof(TRequest).DeclaringType?.Name ?? typeof(TRequest).Name);

    private static readonly KeyValuePair<string, object?> Kind = new("kind", typeof(ICommand<TResponse>).IsAssignableFrom(typeof(TRequest)) ? "command" : "query");

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var response = await next();
            outcome = "ok";
            return response;
        }
        catch (Exception e) when (refusals.IsRefusal(e))
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            metrics.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, UseCase, Kind, new("outcome", outcome));
        }
    }
}

/// <summary>
/// Which failures are refusals of what a client sent (a 4xx at the HTTP edge), rather than faults: told by the edge
/// that maps them (<c>Http/Problems</c>), so the metrics count them as the API answers them.
/// </summary>
public interface IRefusals
{
    bool IsRefusal(Exception exception);
}
