using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// Collects what the server logs as an unhandled failure (a 500). A test class whose requests caused one
/// fails when its host is disposed: nothing a client sends may produce a 500.
/// </summary>
public sealed class ServerFailures : ILoggerProvider
{
    private const string Category = "Workspace.Server.Http.Problems";

    private readonly ConcurrentQueue<string> failures = new();

    public IReadOnlyCollection<string> All => failures;

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Collector(failures) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<string> failures) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                failures.Enqueue($"{formatter(state, exception)}: {exception}");
            }
        }
    }
}
