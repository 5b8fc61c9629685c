using System.Net;
using System.Net.Sockets;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// A load balancer as simple as they come, at the TCP level: each new connection goes to the first node that
/// accepts it, in the order given, and bytes are copied both ways (HTTP and WebSockets alike). When a node dies
/// its connections drop, and the clients' reconnections reach the next node.
/// </summary>
public sealed class FailoverProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> nodes;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public FailoverProxy(params Uri[] nodes)
    {
        this.nodes = nodes;
        listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            foreach (var node in nodes)
            {
                using var upstream = new TcpClient();
                try
                {
                    await upstream.ConnectAsync(node.Host, node.Port, stopping.Token);
                }
                catch (SocketException)
                {
                    continue;
                }

                using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                var up = client.GetStream().CopyToAsync(upstream.GetStream(), done.Token);
                var down = upstream.GetStream().CopyToAsync(client.GetStream(), done.Token);
                try
                {
                    await Task.WhenAny(up, down);
                }
                finally
                {
                    await done.CancelAsync();
                }

                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
