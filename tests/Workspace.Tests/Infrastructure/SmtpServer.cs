using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: Debian's <c>python3-aiosmtpd</c> on a free loopback port, keeping what it
/// receives in a Maildir of its own. It can be stopped and started again on the same port, as a mail server
/// that goes down for a while.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-smtp", Guid.NewGuid().ToString("N"));
    private Process? process;

    public SmtpServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Starts it, unless it runs already.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            return;
        }

        if (!File.Exists("/usr/bin/python3") || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new InvalidOperationException("No SMTP server for the tests: apt-get install -y python3-aiosmtpd, as .ci/run does.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;

        // Ready when it accepts a connection.
        for (var attempt = 0; attempt < 200 && !process.HasExited; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        var errors = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
        throw new InvalidOperationException($"The SMTP server did not start on port {Port}. {errors}");
    }

    /// <summary>Stops it, as a mail server that goes down.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Every message received so far, parsed.</summary>
    /// <summary>What reached <paramref name="email"/> so far with a subject containing <paramref name="subjectContains"/>.</summary>
    public List<MimeMessage> To(string email, string subjectContains) =>
        [.. Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))];

    public IReadOnlyList<MimeMessage> Messages()
    {
        var received = Path.Combine(folder, "new");
        return Directory.Exists(received) ? [.. Directory.GetFiles(received).Select(f => MimeMessage.Load(f))] : [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
