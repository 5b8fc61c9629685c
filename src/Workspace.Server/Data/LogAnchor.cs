using System.Globalization;

namespace Workspace.Server.Data;

/// <summary>
/// The log's head written outside the database as it advances (<c>seq hash</c> lines, appended by the relay
/// after each commit it sees, and at start-up). A log later found shorter than an anchored seq, or with
/// another hash there, was cut or rewritten: the audit reports it.
/// </summary>
public sealed class LogAnchor(string path) : IDisposable
{
    private readonly object gate = new();
    private long last = -1;
    private FileStream? claim;

    public string Path { get; } = path;

    /// <summary>
    /// Takes the anchor for this server alone, for as long as it runs (an exclusive lock on <c>.lock</c> beside it). Each
    /// node anchors what its own relay saw, in its own file: a second node on the same file refuses to start rather than
    /// mix its heads into another's record.
    /// </summary>
    public void Claim()
    {
        lock (gate)
        {
            if (claim is not null)
            {
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            try
            {
                claim = new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (HeldByAnother(e))
            {
                throw new AnchorInUseException(
                    $"the anchor file {Path} is written by another server that is running (its lock {Path}.lock is held): give each node its own Audit:AnchorFile.", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Storage that cannot take the lock (read-only) cannot take the anchor's heads either: the server
                // starts as it can, and recording the heads reports what fails.
            }
        }
    }

    /// <summary>
    /// The lock was refused as held by another process, not for want of storage or rights: on Linux and macOS the
    /// errno of a lock that would block (EWOULDBLOCK, 11 and 35), on Windows a sharing or lock violation (32, 33).
    /// </summary>
    private static bool HeldByAnother(IOException e) =>
        e.HResult is WouldBlockLinux or WouldBlockMac || (e.HResult & 0xFFFF) is SharingViolation or LockViolation;

    private const int WouldBlockLinux = 11, WouldBlockMac = 35, SharingViolation = 32, LockViolation = 33;

    /// <summary>
    /// Binds the anchor to the log it anchors, named by the hash of its first event (a <c>log</c> line). An anchor
    /// that already names another log belonged to another database — one created afresh beside an old anchor, or a
    /// second node's — and would report that log's heads as a rewritten history forever: the server does not start.
    /// </summary>
    public void Bind(string firstEventHash)
    {
        lock (gate)
        {
            var named = File.Exists(Path)
                ? File.ReadLines(Path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).FirstOrDefault(p => p is ["log", _])?[1]
                : null;
            if (named is not null && named != firstEventHash)
            {
                throw new AnchorOfAnotherLogException(
                    $"the anchor file {Path} anchors another event log (its first event is not this database's): a database created afresh needs a fresh " +
                    "anchor. Move the old anchor away (keep it with that database's backups), or give this database its own Audit:AnchorFile.");
            }

            if (named is null)
            {
                try
                {
                    File.AppendAllText(Path, $"log {firstEventHash}\n");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Not writable now: the next start binds it; the heads are still checked by the audit.
                }
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            claim?.Dispose();
            claim = null;
        }
    }

    /// <summary>Appends the head; false when the file cannot be written (read-only or full storage), to be tried again at the next head.</summary>
    public bool Record(long seq, string hash)
    {
        lock (gate)
        {
            if (seq == last)
            {
                return true;
            }

            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
                File.AppendAllText(Path, string.Create(CultureInfo.InvariantCulture, $"{seq} {hash}\n"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            last = seq;
            return true;
        }
    }

    /// <summary>
    /// Marks that the database was restored from a backup whose log ends at <paramref name="seq"/>: heads
    /// anchored after that point belong to a history that was deliberately rolled back.
    /// </summary>
    public void RecordRestore(long seq, string hash)
    {
        lock (gate)
        {
            File.AppendAllText(Path, string.Create(CultureInfo.InvariantCulture, $"restore {seq} {hash}\n"));
            last = seq;
        }
    }

    /// <summary>Every anchored head since the last restore (which counts as one), the latest hash for each seq.</summary>
    public IReadOnlyDictionary<long, string> Read()
    {
        var anchored = new Dictionary<long, string>();
        if (!File.Exists(Path))
        {
            return anchored;
        }

        foreach (var line in File.ReadLines(Path))
        {
            var parts = line.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == "restore" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var restored))
            {
                anchored.Clear();
                anchored[restored] = parts[2];
            }
            else if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                anchored[seq] = parts[1];
            }
        }

        return anchored;
    }
}

/// <summary>The anchor file this server was given anchors another event log.</summary>
public sealed class AnchorOfAnotherLogException(string message) : IOException(message);

/// <summary>Another running server holds the anchor file this one was given.</summary>
public sealed class AnchorInUseException(string message, Exception inner) : IOException(message, inner);
