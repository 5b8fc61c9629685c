using Microsoft.Data.Sqlite;

namespace Workspace.Server.Data;

/// <summary>Storage that cannot be written at start-up (a read-only volume or file).</summary>
public sealed class ReadOnlyStorageException(string message) : IOException(message);

/// <summary>
/// Whether the database can be written, found out before the server starts. A database on read-only storage,
/// or on storage too full to create its WAL companions, is opened read-only and immutable (SQLite cannot
/// otherwise read a WAL database it may not write beside): the server then serves reads, answers every write
/// 503, and reports itself degraded until it is restarted on writable storage. A database that opens but
/// cannot grow starts as usual: writes answer 503 until space is freed, then recover by themselves.
/// </summary>
public sealed class StorageMode
{
    private StorageMode(string connectionString, string databasePath, bool readOnly, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        (ConnectionString, DatabasePath, ReadOnly, Provider) = (connectionString, databasePath, readOnly, provider);

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file; empty on a database server.</summary>
    public string DatabasePath { get; }

    /// <summary>A database server (PostgreSQL): its storage is the server's to watch; writes fail, and recover, with it.</summary>
    public static StorageMode Server(DatabaseProvider provider, string connectionString) => new(connectionString, "", readOnly: false, provider);

    public bool ReadOnly { get; }

    public static StorageMode Detect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            return ReadOnlyMode(builder, path);
        }

        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            // A read (SQLite opens a WAL database's side files only then) and a write rolled back: nothing changes.
            // One statement per command: a later statement's failure is not always reported by a batch.
            foreach (var sql in new[] { "PRAGMA busy_timeout=10000", "PRAGMA journal_mode=WAL", "SELECT count(*) FROM sqlite_master", "BEGIN IMMEDIATE",
                "CREATE TABLE writable_probe(x)", "ROLLBACK" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteScalar();
            }

            return new StorageMode(connectionString, path, readOnly: false);
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) is 8 or 10 or 14 && File.Exists(path))
        {
            return ReadOnlyMode(builder, path);
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) is 13)
        {
            // A full disk: reads work and writes answer 503 until space is freed, then everything recovers by itself.
            return new StorageMode(connectionString, path, readOnly: false);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static StorageMode ReadOnlyMode(SqliteConnectionStringBuilder builder, string path)
    {
        var readOnly = new SqliteConnectionStringBuilder(builder.ConnectionString)
        {
            DataSource = "file:" + Uri.EscapeDataString(Path.GetFullPath(path)).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString();
        return new StorageMode(readOnly, path, readOnly: true);
    }
}
