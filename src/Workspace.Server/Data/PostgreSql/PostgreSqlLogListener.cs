using Npgsql;

namespace Workspace.Server.Data.PostgreSql;

/// <summary>
/// Wakes this node's relay when a transaction on any node appends to the log: PostgreSQL delivers the
/// <see cref="PostgreSqlWrites.Channel"/> notification of each committed append to every listener. The relay's
/// periodic read (<see cref="LiveOptions.CatchUpInterval"/>) stays the safety net for a notification missed
/// while this connection was down; after reconnecting, the relay is woken once to read whatever it missed.
/// </summary>
internal sealed partial class PostgreSqlLogListener(NpgsqlDataSource database, LogSignal signal, ILogger<PostgreSqlLogListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlWrites.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                pause = TimeSpan.FromMilliseconds(250);
                signal.Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever ends the connection, the node keeps running and listens again; the relay's own reads go on meanwhile.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ListenFailed(logger, e, pause.TotalSeconds);
                // Real time, not the workspace's clock: this is a connection's retry, not a deadline.
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for the log's notifications failed; the relay reads every second meanwhile; listening again in {Seconds} s.")]
    private static partial void ListenFailed(ILogger logger, Exception exception, double seconds);
}
