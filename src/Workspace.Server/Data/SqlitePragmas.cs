using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Server.Data;

/// <summary>
/// Every connection runs with write-ahead logging, full sync (an acknowledged write survives a power
/// cut), foreign keys enforced and a busy timeout so writers queue instead of failing; and, when a quota is
/// set, at most that many megabytes of pages (beyond, SQLite answers "full" as a full disk would).
/// </summary>
internal sealed class SqlitePragmas(bool readOnly, int maxDatabaseMegabytes) : DbConnectionInterceptor
{
    /// <summary>The statements run on every connection opened, also the one the <see cref="GroupCommit"/> writes on.</summary>
    public string Statements { get; } = readOnly
        ? "PRAGMA foreign_keys=ON;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;"
          + (maxDatabaseMegabytes > 0 ? $"PRAGMA max_page_count={maxDatabaseMegabytes * 256L};" : "");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Statements;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Statements;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
