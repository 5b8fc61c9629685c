using Microsoft.Data.Sqlite;

namespace Workspace.Server.Data;

/// <summary>
/// Failures of the storage under the database rather than of a request: a full disk (or the
/// <see cref="StorageOptions.MaxDatabaseMegabytes"/> quota), read-only storage, an I/O error, a file that
/// cannot be opened; on PostgreSQL, a database server that cannot be reached or is out of resources (what
/// Npgsql calls transient). Clients are answered 503 with Retry-After; start-up stops with one line and exit code
/// <see cref="ExitCode"/>.
/// </summary>
public static class StorageFailure
{
    /// <summary>EX_IOERR of sysexits.h.</summary>
    public const int ExitCode = 74;

    private const int ReadOnly = 8, IoError = 10, Full = 13, CannotOpen = 14;

    public static SqliteException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is ReadOnly or IoError or Full or CannotOpen)
            {
                return sqlite;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>A failure of the PostgreSQL server or of the way to it, rather than of the request.</summary>
    public static Npgsql.NpgsqlException? FindServerFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } npgsql)
            {
                return npgsql;
            }
        }

        return null;
    }

    /// <summary>What the PostgreSQL server said no to at the door: the database does not exist, or the role may not sign in.</summary>
    public static Npgsql.PostgresException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "3D000" or "28P01" or "28000" or "42501" } refused)
            {
                return refused;
            }
        }

        return null;
    }

    public static bool Is(Exception e) =>
        Find(e) is not null || FindServerFailure(e) is not null || FindRefusal(e) is not null || e is IOException or UnauthorizedAccessException;

    /// <summary>What went wrong, in one line a person can act on.</summary>
    public static string Describe(Exception e) => (Find(e)?.SqliteErrorCode & 0xFF) switch
    {
        Full => "the storage is full (or the database reached Storage:MaxDatabaseMegabytes): free space.",
        ReadOnly => "the database is read-only and needs to be written (pending migrations, demo seed or first sign-in). Make it writable, then start again.",
        CannotOpen => "the database file cannot be opened (missing folder or no permission).",
        IoError => "the storage reported an I/O error.",
        _ when e is ReadOnlyStorageException or ChainKeysDifferException or AnchorInUseException or AnchorOfAnotherLogException => e.Message,
        _ when FindRefusal(e) is { SqlState: "3D000" } missing =>
            $"the PostgreSQL database named in ConnectionStrings:Workspace does not exist ({missing.MessageText}): create it, owned by the workspace's role (createdb -O <role> <name>), and start again.",
        _ when FindRefusal(e) is { } refused => $"the PostgreSQL server refused the workspace's role ({refused.SqlState}: {refused.MessageText}): check the user and password in ConnectionStrings:Workspace and the role's rights.",
        _ when FindServerFailure(e) is { } server => $"the database server is unavailable ({server.Message}).",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
