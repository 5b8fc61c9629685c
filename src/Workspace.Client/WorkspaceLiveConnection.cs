using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Workspace.Client;

/// <summary>
/// The live event stream of the workspace hub as one ordered sequence with no gaps and no duplicates.
/// It remembers the last <c>seq</c> it delivered, reconnects by itself after any drop (forever, with growing
/// pauses), and after every (re)connect asks the server for what it missed (<c>Resume</c>) before delivering
/// anything newer. Read the events from <see cref="Events"/>.
/// </summary>
public sealed class WorkspaceLiveConnection : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Channel<WorkspaceEvent> events = Channel.CreateUnbounded<WorkspaceEvent>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private readonly SemaphoreSlim resumeGate = new(1, 1);
    private readonly Lock state = new();
    private readonly List<WorkspaceEvent> pending = [];
    // Live events are held back from the moment a catch-up is due (start, lost connection, a resume hint)
    // until it completes: delivering a newer live event first would move LastSeq past events not yet read.
    private bool resuming = true;
    private long lastSeq;
    private int resumes;

    /// <summary>Creates a connection to <paramref name="server"/>'s hub; nothing is sent until <see cref="StartAsync"/>.</summary>
    /// <param name="server">The server's base address.</param>
    /// <param name="accessToken">Supplies the bearer token for each (re)connect.</param>
    /// <param name="afterSeq">The last event the caller already has (0 for everything it may see).</param>
    /// <param name="configure">Adjusts the HTTP connection (transports, handlers) if needed.</param>
    public WorkspaceLiveConnection(Uri server, Func<Task<string?>> accessToken, long afterSeq = 0, Action<HttpConnectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        lastSeq = afterSeq;
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/workspace"), options =>
            {
                options.AccessTokenProvider = accessToken;
                configure?.Invoke(options);
            })
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .AddJsonProtocol(json => json.PayloadSerializerOptions = WorkspaceClient.Json)
            .Build();
        connection.On<WorkspaceEvent>("event", OnLiveEvent);
        // A resume must not run on the receive loop that would deliver its own answer.
        connection.On<long>("resume", lastSent =>
        {
            HoldLiveEvents();
            _ = ResumeInBackgroundAsync();
        });
        connection.Reconnecting += _ =>
        {
            HoldLiveEvents();
            return Task.CompletedTask;
        };
        connection.Reconnected += _ => ResumeInBackgroundAsync();
    }

    /// <summary>Every event the signed-in person may see, in <c>seq</c> order, each once.</summary>
    public ChannelReader<WorkspaceEvent> Events => events.Reader;

    /// <summary>The <c>seq</c> of the last event delivered to <see cref="Events"/>.</summary>
    public long LastSeq
    {
        get
        {
            lock (state)
            {
                return lastSeq;
            }
        }
    }

    /// <summary>How many times this connection has caught up with the server (the first start included).</summary>
    public int Resumes => Volatile.Read(ref resumes);

    /// <summary>Raised after each catch-up with the server (after the first start and every reconnect).</summary>
    public event Action<WorkspaceLiveConnection>? Resumed;

    /// <summary>Connected, reconnecting or disconnected.</summary>
    public HubConnectionState State => connection.State;

    /// <summary>The server's connection id, while connected.</summary>
    public string? ConnectionId => connection.ConnectionId;

    /// <summary>Connects and catches up from <c>afterSeq</c>.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await connection.StartAsync(ct).ConfigureAwait(false);
        await ResumeAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Asks the server for every event after <see cref="LastSeq"/> and delivers them before any newer live event.</summary>
    public async Task ResumeAsync(CancellationToken ct = default)
    {
        await resumeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            lock (state)
            {
                resuming = true;
            }

            while (true)
            {
                var page = await connection.InvokeAsync<List<WorkspaceEvent>>("Resume", LastSeq, ct).ConfigureAwait(false);
                lock (state)
                {
                    foreach (var e in page)
                    {
                        Deliver(e);
                    }
                }

                if (page.Count < 1000)
                {
                    break;
                }
            }

            lock (state)
            {
                foreach (var e in pending.OrderBy(e => e.Seq))
                {
                    Deliver(e);
                }

                pending.Clear();
                resuming = false;
            }

            Interlocked.Increment(ref resumes);
        }
        finally
        {
            resumeGate.Release();
        }

        Resumed?.Invoke(this);
    }

    /// <summary>Stops the connection and completes <see cref="Events"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        events.Writer.TryComplete();
        resumeGate.Dispose();
    }

    private void HoldLiveEvents()
    {
        lock (state)
        {
            resuming = true;
        }
    }

    private void OnLiveEvent(WorkspaceEvent e)
    {
        lock (state)
        {
            if (resuming)
            {
                pending.Add(e);
            }
            else
            {
                Deliver(e);
            }
        }
    }

    /// <summary>Under <see cref="state"/>: delivers an event newer than the last one, drops anything else.</summary>
    private void Deliver(WorkspaceEvent e)
    {
        if (e.Seq <= lastSeq)
        {
            return;
        }

        lastSeq = e.Seq;
        events.Writer.TryWrite(e);
    }

    private async Task ResumeInBackgroundAsync()
    {
        try
        {
            await ResumeAsync().ConfigureAwait(false);
        }
        catch (Exception) when (connection.State != HubConnectionState.Connected)
        {
            // The connection dropped again while resuming; the next reconnect resumes.
        }
    }

    /// <summary>Reconnects forever: at once, then after 1, 2 and 5 seconds, then every 5 seconds.</summary>
    private sealed class ForeverRetryPolicy : IRetryPolicy
    {
        private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            Delays[(int)Math.Min(retryContext.PreviousRetryCount, Delays.Length - 1)];
    }
}
