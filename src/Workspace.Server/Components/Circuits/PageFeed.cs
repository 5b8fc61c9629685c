using System.Threading.Channels;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Live;

namespace Workspace.Server.Components.Circuits;

/// <summary>What a live page receives: new events in order, or word that some were missed (read the view again).</summary>
public sealed record LiveBatch(IReadOnlyList<EventEnvelope> Events, bool Missed);

/// <summary>
/// A page circuit as the relay sees it: one more kind of live subscriber, with the same audience rule as a
/// hub connection. Components of the circuit subscribe while they are interactive; events reach them in
/// batches (a burst is one re-render), and a circuit that falls behind is told it missed some, so it reads
/// its view again from the tables. Nothing is lost in between: the circuit lives on the server, and what it
/// renders while its browser is away is sent when the browser reconnects.
/// </summary>
public sealed partial class PageFeed(LiveConnections connections, CurrentUser me, IOptions<LiveOptions> options, ILogger<PageFeed> logger)
    : ILiveSubscriber, IDisposable
{
    private readonly Lock gate = new();
    private readonly List<Func<LiveBatch, Task>> handlers = [];
    private readonly List<Action> droppedHandlers = [];
    private Channel<EventEnvelope>? queue;
    private Func<EventRecord, bool> audience = _ => false;
    private int overflowed;

    public string Id { get; } = "circuit-" + Guid.NewGuid().ToString("N");

    public Guid? SessionId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>Delivers every new event the person may see to <paramref name="handler"/> until the subscription is disposed.</summary>
    public IDisposable Subscribe(Func<LiveBatch, Task> handler, Action? dropped = null)
    {
        lock (gate)
        {
            handlers.Add(handler);
            if (dropped is not null)
            {
                droppedHandlers.Add(dropped);
            }

            if (queue is null && me.IsAuthenticated)
            {
                audience = EventAudience.Of(me.IsSecretariat, me.AgencyCode);
                SessionId = Guid.TryParse(me.Principal.FindFirst(SessionClaims.SessionId)?.Value, out var session) ? session : null;
                PersonId = me.Id;
                queue = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(options.Value.ConnectionBufferSize) { SingleReader = true });
                connections.Add(this);
                _ = PumpAsync(queue);
            }
        }

        return new Subscription(this, handler, dropped);
    }

    public bool MaySee(EventRecord e) => audience(e);

    public void Offer(EventEnvelope envelope)
    {
        if (queue?.Writer.TryWrite(envelope) == false)
        {
            Interlocked.Exchange(ref overflowed, 1);
        }
    }

    /// <summary>The session ended or the password changed: the pages reload, and the sign-in decides what they show.</summary>
    public void Drop()
    {
        Action[] targets;
        lock (gate)
        {
            targets = [.. droppedHandlers];
        }

        connections.Remove(Id);
        foreach (var target in targets)
        {
            target();
        }
    }

    public void Complete() => queue?.Writer.TryComplete();

    public void Dispose() => connections.Remove(Id);

    private async Task PumpAsync(Channel<EventEnvelope> channel)
    {
        var reader = channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            var missed = Interlocked.Exchange(ref overflowed, 0) == 1;
            var batch = new List<EventEnvelope>();
            while (batch.Count < 500 && reader.TryRead(out var envelope))
            {
                batch.Add(envelope);
            }

            Func<LiveBatch, Task>[] targets;
            lock (gate)
            {
                targets = [.. handlers];
            }

            foreach (var target in targets)
            {
                try
                {
                    await target(new LiveBatch(batch, missed));
                }
#pragma warning disable CA1031 // One page's failure must not stop the others of its circuit.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    HandlerFailed(logger, e, Id);
                }
            }
        }
    }

    private void Unsubscribe(Func<LiveBatch, Task> handler, Action? dropped)
    {
        lock (gate)
        {
            handlers.Remove(handler);
            if (dropped is not null)
            {
                droppedHandlers.Remove(dropped);
            }
        }
    }

    private sealed class Subscription(PageFeed feed, Func<LiveBatch, Task> handler, Action? dropped) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler, dropped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page of {Subscriber} failed to take new events.")]
    private static partial void HandlerFailed(ILogger logger, Exception exception, string subscriber);
}
