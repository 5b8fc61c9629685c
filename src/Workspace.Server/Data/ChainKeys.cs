using System.Security.Cryptography;
using System.Text;

namespace Workspace.Server.Data;

/// <summary>
/// The keys of the event log's hash chain (HMAC-SHA256), kept in a file outside the database: whoever can
/// rewrite the database but not read this file cannot recompute a valid chain. Each row names the key it was
/// chained with; a rotation adds a key and is itself recorded in the log (<c>audit.key-rotated</c>).
/// </summary>
public sealed class ChainKeys
{
    private readonly object gate = new();
    private readonly string path;
    private Dictionary<string, byte[]> keys = [];

    public ChainKeys(string path)
    {
        this.path = path;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            // Written whole beside it, then renamed into place: a node sharing the file never reads it half written.
            var fresh = path + "." + Guid.NewGuid().ToString("N") + ".new";
            Write(fresh, "k1", RandomNumberGenerator.GetBytes(32), FileMode.CreateNew);
            try
            {
                File.Move(fresh, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node sharing the file created it first: its key is the one.
                File.Delete(fresh);
            }
        }

        Load();
    }

    public string CurrentId { get; private set; } = "";

    /// <summary>The key file.</summary>
    public string Path => path;

    /// <summary>Adds a new key and makes it current; the old ones stay, to verify the rows chained with them.</summary>
    public string Rotate()
    {
        lock (gate)
        {
            var id = "k" + (keys.Keys.Select(k => int.TryParse(k.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1);
            Write(path, id, RandomNumberGenerator.GetBytes(32), FileMode.Append);
            Load();
            return id;
        }
    }

    /// <summary>The HMAC of <paramref name="text"/> under key <paramref name="keyId"/>, or null when this server does not hold that key.</summary>
    public string? Hash(string keyId, string text)
    {
        if (!keys.TryGetValue(keyId, out var key))
        {
            // Another node may have rotated: read the file again once.
            lock (gate)
            {
                Load();
            }

            if (!keys.TryGetValue(keyId, out key))
            {
                return null;
            }
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// A key for another purpose (<c>idempotency</c>), derived from the first key of the file so it stays the
    /// same across rotations and restarts, and is never the chain's own key.
    /// </summary>
    public byte[] Derive(string purpose)
    {
        var first = keys.OrderBy(k => int.TryParse(k.Key.AsSpan(1), out var n) ? n : int.MaxValue).First().Value;
        return HMACSHA256.HashData(first, Encoding.UTF8.GetBytes("workspace:" + purpose));
    }

    private static void Write(string path, string id, byte[] key, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows() && mode == FileMode.CreateNew)
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.WriteLine($"{id} {Convert.ToBase64String(key)}");
        writer.Flush();
        file.Flush(flushToDisk: true);
    }

    private void Load()
    {
        var loaded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var current = "";
        foreach (var line in File.ReadAllLines(path).Where(l => l.Trim().Length > 0))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !parts[0].StartsWith('k'))
            {
                throw new InvalidOperationException($"The chain key file {path} has a line that is not 'id base64'.");
            }

            loaded[parts[0]] = Convert.FromBase64String(parts[1]);
            current = parts[0];
        }

        if (current.Length == 0)
        {
            throw new InvalidOperationException($"The chain key file {path} holds no key.");
        }

        (keys, CurrentId) = (loaded, current);
    }
}
