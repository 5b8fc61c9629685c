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

    if (args is ["migrate-to-postgres", var target, .. var sourceSettings])
    {
        // With the server stopped: copy the SQLite workspace its settings name into an empty PostgreSQL database (docs/operations.md).
        await using var stopped = WorkspaceApp.Create(sourceSettings);
        var storage = stopped.Services.GetRequiredService<StorageMode>();
        if (storage.Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("workspace: migrate-to-postgres reads the SQLite workspace of the settings given; these name a PostgreSQL one.");
            return 64;
        }

        await using var scope = stopped.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        if ((await source.Database.GetPendingMigrationsAsync()).Any())
        {
            await Console.Error.WriteLineAsync($"workspace: {storage.DatabasePath} is from an earlier release: start this release's server on it once, stop it, then move it.");
            return 65;
        }

        var keys = stopped.Services.GetRequiredService<ChainKeys>();
        Workspace.Server.Data.PostgreSql.MoveToPostgreSql.Report report;
        try
        {
            report = await Workspace.Server.Data.PostgreSql.MoveToPostgreSql.RunAsync(source, target, keys, stopped.Services.GetRequiredService<LogAnchor>(), CancellationToken.None);
        }
        catch (InvalidOperationException refused)
        {
            await Console.Error.WriteLineAsync($"workspace: not moved: {refused.Message}");
            return 65;
        }

        foreach (var (table, rows) in report.Tables)
        {
            Console.WriteLine($"{table,-28} {rows,9} rows");
        }

        Console.WriteLine(report.Audit.Ok
            ? $"Copied and verified: {report.Audit.Events} events, the chain unbroken to {report.Audit.Head}. Run the nodes with Database__Provider=PostgreSql, " +
              $"ConnectionStrings__Workspace set to the target, and Audit__KeyFile={keys.Path} (the same file on every node)."
            : "The copy does not verify: " + string.Join(" ", report.Audit.Problems));
        return report.Audit.Ok ? 0 : 1;
    }

    var app = WorkspaceApp.Create(args);
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // Settings that cannot work: one line naming each, and the exit code of a configuration error (sysexits' EX_CONFIG).
    await Console.Error.WriteLineAsync($"workspace: cannot start: {string.Join(" ", e.Failures)}");
    return 78;
}
catch (Exception e) when (StorageFailure.Is(e))
{
    // One line an operator can act on, and an exit code of its own, rather than a stack trace.
    await Console.Error.WriteLineAsync($"workspace: cannot start: {StorageFailure.Describe(e)}");
    return StorageFailure.ExitCode;
}
