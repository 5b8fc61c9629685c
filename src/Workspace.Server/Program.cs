using Workspace.Server;
using Workspace.Server.Data;

try
{
    var app = WorkspaceApp.Create(args);
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StorageFailure.Is(e))
{
    // One line an operator can act on, and an exit code of its own, rather than a stack trace.
    await Console.Error.WriteLineAsync($"workspace: cannot start: {StorageFailure.Describe(e)}");
    return StorageFailure.ExitCode;
}
