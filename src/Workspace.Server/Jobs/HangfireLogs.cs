using HangfireLogging = Hangfire.Logging;

namespace Workspace.Server.Jobs;

/// <summary>
/// Hangfire logs through one process-wide static provider. This one forwards to the logger factory of the
/// host that started last and goes quiet once that host is disposed, so hosts that start and stop in one
/// process (a restart, the test suite) never log into a disposed factory.
/// </summary>
internal sealed class HangfireLogs : HangfireLogging.ILogProvider
{
    private static volatile ILoggerFactory? current;

    public static readonly HangfireLogs Instance = new();

    public static void Use(ILoggerFactory factory) => current = factory;

    public HangfireLogging.ILog GetLogger(string name) => new ForwardingLog(name);

    private sealed class ForwardingLog(string name) : HangfireLogging.ILog
    {
        public bool Log(HangfireLogging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                if (current is not { } factory)
                {
                    return false;
                }

                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLogging.LogLevel.Trace => LogLevel.Trace,
                HangfireLogging.LogLevel.Debug => LogLevel.Debug,
                HangfireLogging.LogLevel.Info => LogLevel.Information,
                HangfireLogging.LogLevel.Warn => LogLevel.Warning,
                HangfireLogging.LogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null || !logger.IsEnabled(level))
            {
                return logger.IsEnabled(level);
            }

#pragma warning disable CA1848, CA2254, CA1873 // Hangfire hands over finished text, not a template.
            logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254, CA1873
            return true;
        }
    }
}
