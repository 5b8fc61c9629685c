namespace Workspace.Server.Data.PostgreSql;

/// <summary>
/// The workspace's model on PostgreSQL. The same model as <see cref="WorkspaceDb"/>, named apart so that EF
/// Core keeps the migrations of each engine on their own (<c>Data/Migrations/PostgreSql</c>), both generated
/// from the one model.
/// </summary>
public sealed class PostgreSqlWorkspaceDb(DbContextOptions<PostgreSqlWorkspaceDb> options, TimeProvider clock, ChainKeys keys, IWritePath writes)
    : WorkspaceDb(options, clock, keys, writes);
