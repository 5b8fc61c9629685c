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
            catch (IOException e)
            {
                throw new AnchorInUseException(
                    $"the anchor file {Path} is written by another server that is running (its lock {Path}.lock is held): give each node its own Audit:AnchorFile.", e);
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

/// <summary>Another running server holds the anchor file this one was given.</summary>
public sealed class AnchorInUseException(string message, Exception inner) : IOException(message, inner);
