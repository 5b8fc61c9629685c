using System.Globalization;

namespace Workspace.Server.Data;

/// <summary>
/// The log's head written outside the database as it advances (<c>seq hash</c> lines, appended by the relay
/// after each commit it sees, and at start-up). A log later found shorter than an anchored seq, or with
/// another hash there, was cut or rewritten: the audit reports it.
/// </summary>
public sealed class LogAnchor(string path)
{
    private readonly object gate = new();
    private long last = -1;

    public string Path { get; } = path;

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

    /// <summary>Every anchored head, the latest hash for each seq.</summary>
    public IReadOnlyDictionary<long, string> Read()
    {
        var anchored = new Dictionary<long, string>();
        if (!File.Exists(Path))
        {
            return anchored;
        }

        foreach (var line in File.ReadLines(Path))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                anchored[seq] = parts[1];
            }
        }

        return anchored;
    }
}
