using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Live;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Live;

/// <summary>A host whose connections hold at most 50 waiting events.</summary>
public sealed class SmallBufferHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Live:ConnectionBufferSize", "50")];
}

public sealed class BackPressureTests(SmallBufferHost host) : IClassFixture<SmallBufferHost>
{
    private const int Flood = 2000;

    /// <summary>
    /// A hub client that shakes hands and then stops reading, over a socket with a tiny receive buffer, so that
    /// what the server sends it piles up at the server.
    /// </summary>
    private async Task<ClientWebSocket> StalledClientAsync()
    {
        var token = await host.TokenFor(WorkspaceHost.FocalPoint("ILO"));
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var ws = new ClientWebSocket();
        var uri = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/hubs/workspace", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        await ws.ConnectAsync(uri, new HttpMessageInvoker(handler), CancellationToken.None);
        await ws.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1024];
        var handshake = await ws.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, handshake.Count));
        return ws;
    }

    /// <summary>2,000 events of about 4 KB each, written straight to the log as one transaction.</summary>
    private async Task FloodAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == "UNODC");
        var mandate = new string('m', 4000);
        for (var i = 0; i < Flood; i++)
        {
            agency.UpdateProfile(mandate + i, ["Flood"], Workspace.Server.Domain.Actor.System);
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_stalled_client_holds_back_neither_the_others_nor_commands_and_is_told_to_resume()
    {
        var head = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        using var stalled = await StalledClientAsync();
        await using var healthy = await host.LiveFor(WorkspaceHost.FocalPoint("IOM"), head);
        var connections = host.App.Services.GetRequiredService<LiveConnections>();
        var stalledSubscriber = connections.All.OfType<Subscriber>().Single(s => s.AgencyCode == "ILO");

        await FloodAsync();
        // A command after the flood is answered while the stalled client still reads nothing...
        var marker = await (await host.ClientFor(WorkspaceHost.Secretariat)).CreateWorkingGroupAsync("After the flood", "IOM", []);

        // ...and the healthy client gets every event, the flood and the marker, in order.
        var received = await healthy.Events.ReadUntilAsync(e => e.Subject.Id == marker.Id.ToString());
        Assert.Equal(Flood, received.Count(e => e.Type == "agency.profile-updated"));
        Assert.Equal(received.Select(e => e.Seq).Order(), received.Select(e => e.Seq));

        // The stalled connection's queue overflowed rather than growing without bound.
        Assert.True(stalledSubscriber.Overflows >= 1);

        // Once it reads again, it is told to resume before anything newer.
        using var timeout = new CancellationTokenSource(LiveStream.Patience);
        var text = new StringBuilder();
        var buffer = new byte[64 * 1024];
        while (!text.ToString().Contains("\"target\":\"resume\"", StringComparison.Ordinal))
        {
            var read = await stalled.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
            if (text.Length > 1_000_000)
            {
                text.Remove(0, text.Length - 1000);
            }
        }
    }
}
