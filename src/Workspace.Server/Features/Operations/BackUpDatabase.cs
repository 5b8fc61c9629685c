using System.Globalization;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Operations;

/// <summary>The secretariat takes a consistent copy of the live database into the backup folder (also from cron: see docs/operations.md).</summary>
public static class BackUpDatabase
{
    /// <summary>A query to the pipeline: it changes nothing in the database, and must not hold its write lock while it copies.</summary>
    public sealed record Command : IQuery<Backups.Backup>, ISecretariatRequest;


    internal sealed class Handler(StorageMode storage, IOptions<StorageOptions> options, TimeProvider clock) : IRequestHandler<Command, Backups.Backup>
    {
        public Task<Backups.Backup> Handle(Command command, CancellationToken cancellationToken)
        {
            if (storage.Provider != DatabaseProvider.Sqlite)
            {
                throw new RuleBrokenException("backup-by-database-server",
                    "The workspace is on PostgreSQL: back it up with the database server's own tools (pg_dump, or continuous archiving), as docs/operations.md describes.");
            }

            var folder = string.IsNullOrWhiteSpace(options.Value.BackupFolder)
                ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath))!, "backups")
                : options.Value.BackupFolder;
            var name = string.Create(CultureInfo.InvariantCulture, $"workspace-{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.db");
            return Backups.CreateAsync(storage.DatabasePath, Path.Combine(folder, name), cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/operations/backup", (IMediator mediator, CancellationToken ct) => mediator.Send(new Command(), ct))
            .WithTags("Operations")
            .WithName("BackUpDatabase")
            .WithSummary("Back up the database (secretariat)")
            .WithDescription("A consistent copy of the live database through SQLite's online backup API, checked with integrity_check, written to `Storage:BackupFolder`. Answers the file, its size and the log's head it holds. Keep the chain key file apart from it. On PostgreSQL, 409 `backup-by-database-server`: use pg_dump.");
}
