using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Data;

namespace Workspace.Server.Live;

/// <summary>
/// One hub connection as the relay sees it: who is behind it, and a bounded queue of events for it, drained
/// by a pump of its own. A slow connection fills only its own queue; when the queue is full its events are
/// dropped and, as soon as it accepts messages again, it is told to resume from the last event it received.
/// </summary>
public sealed partial class Subscriber : ILiveSubscriber
{
    public const string EventMethod = "event";
    public const string ResumeMethod = "resume";

    private readonly Channel<EventEnvelope> queue;
    private readonly HubCallerContext context;
    private readonly IHubContext<WorkspaceHub> hub;
    private readonly TimeSpan stallTimeout;
    private readonly ILogger logger;
    private int overflowed;
    private long lastSent;

    private readonly Func<EventRecord, bool> audience;

    public Subscriber(HubCallerContext context, string agencyCode, bool isSecretariat, IHubContext<WorkspaceHub> hub, LiveOptions options, ILogger logger)
    {
        audience = EventAudience.Of(isSecretariat, agencyCode);
        this.context = context;
        this.hub = hub;
        this.logger = logger;
        AgencyCode = agencyCode;
        IsSecretariat = isSecretariat;
        stallTimeout = options.StallTimeout;
        queue = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(options.ConnectionBufferSize)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Pump = Task.Run(PumpAsync);
    }

    public string ConnectionId => context.ConnectionId;

    public string AgencyCode { get; }

    public bool IsSecretariat { get; }

    public Task Pump { get; }

    /// <summary>How many times this connection fell too far behind.</summary>
    public int Overflows { get; private set; }

    public string Id => ConnectionId;

    public bool MaySee(EventRecord e) => audience(e);

    /// <summary>Never waits: a full queue marks the connection as behind instead.</summary>
    public void Offer(EventEnvelope envelope)
    {
        if (!queue.Writer.TryWrite(envelope) && Interlocked.Exchange(ref overflowed, 1) == 0)
        {
            Overflows++;
        }
    }

    /// <summary>The session and person behind the connection, so ending a session or a password change cuts it.</summary>
    public Guid? SessionId { get; init; }

    public Guid PersonId { get; init; }

    private ITimer? expiry;

    /// <summary>Drops the connection when its token expires: the client reconnects with a fresh token and resumes.</summary>
    public void DropAt(DateTimeOffset expiresAt, TimeProvider clock)
    {
        var due = expiresAt - clock.GetUtcNow();
        expiry = clock.CreateTimer(_ => Drop(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        // The clock may have moved on between reading it and setting the timer, which then counts from the later
        // time (a test's clock jumps at once): a connection already past its token's expiry goes now.
        if (due > TimeSpan.Zero && clock.GetUtcNow() >= expiresAt)
        {
            Drop();
        }
    }

    public void Complete()
    {
        expiry?.Dispose();
        queue.Writer.TryComplete();
    }

    /// <summary>Drops the connection (the client reconnects and resumes).</summary>
    public void Drop() => Abort();

    /// <summary>
    /// Cuts the transport rather than closing the hub connection: a close message would tell the client not to
    /// reconnect, and this client should reconnect and resume.
    /// </summary>
    private void Abort()
    {
        var http = context.GetHttpContext();
        if (http is not null)
        {
            http.Abort();
        }
        else
        {
            context.Abort();
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                if (Interlocked.Exchange(ref overflowed, 0) == 1)
                {
                    // What is queued is older than what was dropped: the client reads it all again by resuming.
                    while (queue.Reader.TryRead(out _))
                    {
                    }

                    await SendAsync(ResumeMethod, lastSent);
                    continue;
                }

                if (queue.Reader.TryRead(out var envelope))
                {
                    await SendAsync(EventMethod, envelope);
                    lastSent = envelope.Seq;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stalled past the timeout: drop the connection; the client reconnects and resumes.
            Stalled(logger, ConnectionId, stallTimeout);
            Abort();
        }
#pragma warning disable CA1031 // A connection that fails must not take the relay down with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            PumpFailed(logger, e, ConnectionId);
            Abort();
        }
    }

    private async Task SendAsync(string method, object argument)
    {
        using var timeout = new CancellationTokenSource(stallTimeout);
        await hub.Clients.Client(ConnectionId).SendAsync(method, argument, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} accepted nothing for {Timeout}; dropped, it will resume on reconnecting.")]
    private static partial void Stalled(ILogger logger, string connectionId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to connection {ConnectionId} failed; dropped.")]
    private static partial void PumpFailed(ILogger logger, Exception exception, string connectionId);
}
