using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workspace.Tests.Infrastructure;

/// <summary>Every line the server logs, with its category, as the configured levels let it through.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> lines = new();

    public IReadOnlyCollection<(string Category, LogLevel Level, string Message)> Lines => lines;

    private readonly SemaphoreSlim written = new(0);

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, this);

    /// <summary>Waits until a line matching <paramref name="match"/> has been logged (lines written after a response, such as a closed WebSocket's).</summary>
    public async Task WaitForAsync(Func<(string Category, LogLevel Level, string Message), bool> match, TimeSpan timeout)
    {
        using var patience = new CancellationTokenSource(timeout);
        while (!lines.Any(match))
        {
            await written.WaitAsync(patience.Token);
        }
    }

    private void Add((string, LogLevel, string) line)
    {
        lines.Enqueue(line);
        written.Release();
    }

    public void Dispose() => written.Dispose();

    private sealed class Collector(string category, LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector.Add((category, logLevel, formatter(state, exception)));
    }
}
