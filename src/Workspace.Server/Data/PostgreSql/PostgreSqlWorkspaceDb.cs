namespace Workspace.Server.Data.PostgreSql;

/// <summary>
/// The workspace's model on PostgreSQL. The same model as <see cref="WorkspaceDb"/>, named apart so that EF
/// Core keeps the migrations of each engine on their own (<c>Data/Migrations/PostgreSql</c>), both generated
/// from the one model.
/// </summary>
public sealed class PostgreSqlWorkspaceDb(DbContextOptions<PostgreSqlWorkspaceDb> options, TimeProvider clock, ChainKeys keys, IWritePath writes)
    : WorkspaceDb(options, clock, keys, writes)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // An event's time is part of its hash to the tenth of a microsecond (.NET's tick); PostgreSQL's timestamps
        // keep microseconds. Kept as ticks, a row reads back exactly as it was hashed, also one moved from SQLite.
        builder.Entity<EventRecord>().Property(e => e.OccurredAt)
            .HasConversion(at => at.Ticks, ticks => new DateTime(ticks, DateTimeKind.Utc));
    }
}
