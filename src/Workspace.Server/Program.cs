using Workspace.Server;
using Workspace.Server.Data;

try
{
    if (args is ["restore", var backup, .. var settings])
    {
        // With the server stopped: put a backup in place of the database (docs/operations.md).
        await using var stopped = WorkspaceApp.Create(settings);
        if (stopped.Services.GetRequiredService<StorageMode>().Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("workspace: restore puts back a SQLite backup; on PostgreSQL, restore with pg_restore (docs/operations.md).");
            return 64;
        }

        var restored = await Backups.RestoreAsync(backup, stopped.Services.GetRequiredService<StorageMode>().DatabasePath,
            stopped.Services.GetRequiredService<LogAnchor>(), CancellationToken.None);
        Console.WriteLine($"Restored {backup} to {restored.File}: the log ends at seq {restored.Seq}.");
        return 0;
    }

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
