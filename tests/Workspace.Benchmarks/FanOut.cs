using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workspace.Benchmarks;

/// <summary>Live events reaching many connected clients: the server's hub, and a bare SignalR broadcast as its limit.</summary>
public static class FanOut
{
    /// <summary>What the clients saw of a series of events: latency from the moment each was sent or committed, and who missed any.</summary>
    public sealed record Result(Latencies Latencies, int Clients, int Events, int ClientsMissingAny);

    /// <summary>Opens <paramref name="count"/> WebSocket connections, a few at a time, with a progress line.</summary>
    public static async Task<List<HubConnection>> ConnectAsync(string name, Uri hub, int count, Func<int, string?> token, Action<int, HubConnection> onEach)
    {
        var connections = new HubConnection[count];
        var opened = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hub, options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    if (token(i) is { } bearer)
                    {
                        options.AccessTokenProvider = () => Task.FromResult<string?>(bearer);
                    }
                })
                .Build();
            onEach(i, connection);
            await connection.StartAsync(ct);
            connections[i] = connection;
            Progress.Say($"{name}: {Interlocked.Increment(ref opened)}/{count} connected");
        });
        Progress.Done($"{name}: {count} connected");
        return [.. connections];
    }

    public static async Task CloseAsync(IEnumerable<HubConnection> connections) =>
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) => await c.DisposeAsync());

    /// <summary>
    /// The limit: a bare SignalR hub on Kestrel in this process broadcasting <paramref name="events"/> messages of the
    /// size of a workspace event to <paramref name="clients"/> WebSocket clients, timed from each broadcast's start.
    /// </summary>
    public static async Task<Result> RawBroadcastAsync(int clients, int events)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.MapHub<BareHub>("/hub");
        await app.StartAsync();
        var received = new ConcurrentDictionary<int, ConcurrentBag<int>>();
        var sentAt = new long[events];
        var latencies = new Latencies();
        var connections = await ConnectAsync("bare SignalR clients", new Uri(new Uri(app.Urls.First()), "/hub"), clients, _ => null, (i, connection) =>
            connection.On<int, string>("event", (n, _) =>
            {
                latencies.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[n])).TotalMilliseconds);
                received.GetOrAdd(i, _ => []).Add(n);
            }));
        var hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        var payload = new string('x', 400);
        for (var n = 0; n < events; n++)
        {
            Volatile.Write(ref sentAt[n], Stopwatch.GetTimestamp());
            await hub.Clients.All.SendAsync("event", n, payload);
            await WaitForAsync(() => latencies.Count >= (n + 1) * clients, TimeSpan.FromSeconds(30));
            Progress.Say($"bare SignalR broadcast: {n + 1}/{events} events");
        }

        var missing = Enumerable.Range(0, clients).Count(i => !received.TryGetValue(i, out var got) || got.Distinct().Count() < events);
        Progress.Done($"bare SignalR broadcast to {clients}: p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms, {missing} clients missed some");
        await CloseAsync(connections);
        await app.StopAsync();
        return new Result(latencies, clients, events, missing);
    }

    /// <summary>
    /// The server's own hub: <paramref name="clients"/> connections of the group's people; a focal point comments
    /// <paramref name="events"/> times on a paper every agency takes part in, and each connection's receipt of each
    /// event is timed from the moment the comment's answer (its commit) came back; an event that reached a client
    /// before the answer reached the writer counts as 0 ms.
    /// </summary>
    public static async Task<Result> WorkspaceHubAsync(Uri server, int clients, int events, IReadOnlyList<string> tokens, Func<Task<Guid>> comment)
    {
        var receivedAt = new ConcurrentDictionary<string, long[]>();
        var perClient = new ConcurrentDictionary<int, ConcurrentBag<string>>();
        var connections = await ConnectAsync("hub clients", new Uri(server, "/hubs/workspace"), clients, i => tokens[i % tokens.Count], (i, connection) =>
            connection.On<JsonElement>("event", e =>
            {
                var at = Stopwatch.GetTimestamp();
                if (e.GetProperty("type").GetString() == "paper.comment-added")
                {
                    var id = e.GetProperty("data").GetProperty("commentId").GetString()!;
                    receivedAt.GetOrAdd(id, _ => new long[clients])[i] = at;
                    perClient.GetOrAdd(i, _ => []).Add(id);
                }
            }));
        var latencies = new Latencies();
        var sequences = new List<string>();
        for (var n = 0; n < events; n++)
        {
            var seq = (await comment()).ToString();
            var committed = Stopwatch.GetTimestamp();
            sequences.Add(seq);
            await WaitForAsync(() => receivedAt.TryGetValue(seq, out var times) && times.All(t => t != 0), TimeSpan.FromSeconds(30));
            if (receivedAt.TryGetValue(seq, out var all))
            {
                foreach (var at in all.Where(t => t != 0))
                {
                    latencies.Record(Math.Max(0, Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds));
                }
            }

            Progress.Say($"workspace hub: {n + 1}/{events} events to {clients} clients");
        }

        var missing = Enumerable.Range(0, clients).Count(i => !perClient.TryGetValue(i, out var got) || sequences.Except(got).Any());
        Progress.Done($"workspace hub to {clients}: p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms, max {latencies.Percentile(100):F1} ms, {missing} clients missed some");
        await CloseAsync(connections);
        return new Result(latencies, clients, events, missing);
    }

    private static async Task WaitForAsync(Func<bool> done, TimeSpan patience)
    {
        var started = Stopwatch.GetTimestamp();
        while (!done() && Stopwatch.GetElapsedTime(started) < patience)
        {
            await Task.Delay(5);
        }
    }

    private sealed class BareHub : Hub;
}
