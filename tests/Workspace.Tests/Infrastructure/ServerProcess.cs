using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workspace.Tests.Infrastructure;

/// <summary>
/// The real server as a child process (the published entry point, Program.cs) on a SQLite file in a folder of
/// its own, on a fixed loopback port so that clients find it again after a restart. Killed hard, as a power cut.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private Process? process;

    public ServerProcess(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        listener.Stop();
    }

    public string Directory { get; }

    /// <summary>The demo sign-ins' password (the tests' own, <c>WorkspaceHost.Password</c>, unless set).</summary>
    public string Password { get; init; } = "Test-password-2026";

    /// <summary>The process, while it runs (for its CPU time and memory).</summary>
    public Process? Process => process;

    public Uri BaseAddress { get; }

    public string DatabasePath => Path.Combine(Directory, "workspace.db");

    /// <summary>Settings as environment variables (<c>Section__Key</c>).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    private readonly System.Text.StringBuilder output = new();

    /// <summary>What the process has written to standard output so far (its log, at the levels set).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>What the process wrote to standard error, after it exited.</summary>
    public string Errors { get; private set; } = "";

    /// <summary>Runs one of the server's commands (such as <c>restore</c>) to its end; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        using var command = Process.Start(Prepare(arguments))!;
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (command.ExitCode, await output + await errors);
    }

    /// <summary>Starts the server and waits until it says it has started (or exits, which is returned).</summary>
    public async Task<int?> StartAsync(TimeSpan? patience = null)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process = new Process { StartInfo = Prepare([]), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(line.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(started.Task, exited).WaitAsync(patience ?? TimeSpan.FromSeconds(60));
        if (first == exited)
        {
            process.WaitForExit();
            lock (errors)
            {
                Errors = errors.ToString();
            }

            return process.ExitCode;
        }

        return null;
    }

    private ProcessStartInfo Prepare(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Workspace.Server.dll"), .. arguments])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Workspace"] = $"Data Source={DatabasePath}";
        start.Environment["Seed__DemoPassword"] = Password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>kill -9: no shutdown, no flush, as a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
