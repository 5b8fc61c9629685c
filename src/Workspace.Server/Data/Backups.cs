using Microsoft.Data.Sqlite;

namespace Workspace.Server.Data;

/// <summary>
/// Backups of the live database through SQLite's online backup API (a consistent copy while the server keeps
/// writing; readers and writers are not stopped), and the restore of one while the server is stopped.
/// </summary>
public static class Backups
{
    public sealed record Backup(string File, long Bytes, long Seq, string Head, string IntegrityCheck);

    /// <summary>Copies the database at <paramref name="databasePath"/> to <paramref name="file"/> and checks the copy.</summary>
    public static async Task<Backup> CreateAsync(string databasePath, string file, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var partial = file + ".partial";
        File.Delete(partial);
        await using (var source = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False"))
        await using (var target = new SqliteConnection($"Data Source={partial};Pooling=False"))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }

        var (seq, head, check) = await DescribeAsync(partial, ct);
        if (check != "ok")
        {
            File.Delete(partial);
            throw new IOException($"The backup copy failed its integrity check: {check}");
        }

        File.Move(partial, file, overwrite: true);
        return new Backup(file, new FileInfo(file).Length, seq, head, check);
    }

    /// <summary>
    /// Puts <paramref name="backupFile"/> in place of the database (the server must be stopped), after checking
    /// it, and records in the anchor that the log was rolled back to the backup's head on purpose.
    /// </summary>
    public static async Task<Backup> RestoreAsync(string backupFile, string databasePath, LogAnchor anchor, CancellationToken ct)
    {
        var (seq, head, check) = await DescribeAsync(backupFile, ct);
        if (check != "ok")
        {
            throw new IOException($"{backupFile} is not a sound database: {check}");
        }

        SqliteConnection.ClearAllPools();
        foreach (var side in new[] { databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(side);
        }

        File.Copy(backupFile, databasePath, overwrite: true);
        anchor.RecordRestore(seq, head);
        return new Backup(databasePath, new FileInfo(databasePath).Length, seq, head, check);
    }

    private static async Task<(long Seq, string Head, string Check)> DescribeAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var check = (string?)await command.ExecuteScalarAsync(ct) ?? "";
        command.CommandText = "SELECT Seq, Hash FROM EventLog ORDER BY Seq DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1), check) : (0, "", check);
    }
}
