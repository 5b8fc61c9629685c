using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.Papers;

namespace Workspace.Benchmarks;

/// <summary>
/// The hot paths alone, with BenchmarkDotNet: what one event's append costs in CPU (its data as JSON, its
/// hashed text, the keyed hash), and what deciding who may see an event costs, per event and per person.
/// Run with <c>dotnet run -c Release --project tests/Workspace.Benchmarks -- micro</c>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class EventPath
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-micro", Guid.NewGuid().ToString("N"));
    private ChainKeys keys = null!;
    private EventRecord[] log = [];
    private Func<EventRecord, bool> agency = null!;
    private Func<EventRecord, bool> secretariat = null!;
    private readonly object data = new { paperId = Guid.NewGuid(), round = 2, revision = 5, contentHash = "sha256:" + new string('a', 64), agencyCode = "IOM", decision = "Approve", by = "focal@iom.demo", comment = (string?)null };

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(folder);
        keys = new ChainKeys(Path.Combine(folder, "keys"));
        var agencies = new[] { "ILO", "IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC", "WHO", "UNDP" };
        log = [.. Enumerable.Range(0, 10_000).Select(i => new EventRecord
        {
            Seq = i + 1,
            Type = "paper.comment-added",
            SubjectKind = "paper",
            SubjectId = Guid.NewGuid().ToString(),
            Actor = "focal@ilo.demo",
            Audience = i % 10 == 0 ? EventRecord.Everyone : "," + string.Join(',', agencies.Skip(i % 5).Take(3)) + ",",
            Data = "{}",
            PreviousHash = "",
            KeyId = "k",
            Hash = "",
        })];
        agency = EventAudience.For(false, "UNICEF").Compile();
        secretariat = EventAudience.For(true, "UNODC").Compile();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    /// <summary>The CPU of appending one sign-off event: its data serialized, the text the chain hashes, the keyed hash.</summary>
    [Benchmark]
    public string? AppendOneEvent()
    {
        var json = JsonSerializer.Serialize(data, Web);
        var keyId = keys.CurrentId;
        var text = EventRecord.HashedText(42, "paper.sign-off-recorded", new DateTime(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc), "paper",
            "01a22631-0fdd-700d-b25d-5ca8163fa8a8", "focal@iom.demo", ",ILO,IOM,UNHCR,", json, "previous-hash", keyId);
        return keys.Hash(keyId, text);
    }

    /// <summary>Which of 10,000 events one agency's focal point may see: the relay asks this of every connection.</summary>
    [Benchmark]
    public int AudienceOfAnAgencyOver10000Events() => log.Count(agency);

    /// <summary>The same for the secretariat, who sees everything.</summary>
    [Benchmark]
    public int AudienceOfTheSecretariatOver10000Events() => log.Count(secretariat);
}

/// <summary>
/// The board's query alone, on a real SQLite file of 500 papers × 28 agencies all in sign-off (seeded through a
/// server process, then read here without HTTP): read from the tables and shaped, as on the first read after a
/// change; answered from the board kept for the log's head, as on every other read; and its JSON written.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class BoardQuery
{
    private const int Papers = 500;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workspace-micro", Guid.NewGuid().ToString("N"));
    private DbContextOptions<WorkspaceDb> options = null!;
    private ChainKeys keys = null!;
    private string connection = "";
    private GetSignOffStatus.Cache kept = null!;
    private List<GetSignOffStatus.BoardRow> board = [];
    private readonly System.Text.Json.JsonSerializerOptions web = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "board.db");
        await using (var server = await LoadSeed.StartServerAsync(Path.Combine(folder, "server")))
        {
            var secretariat = await LoadSeed.SignInAsync(server, "secretariat@unodc.demo");
            var agencies = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
            await LoadSeed.PapersInSignOffAsync(secretariat, agencies, 0, Papers, new Guid[Papers], new string[Papers], "board");

            // The server's folder goes with it: its database (with the write-ahead log, committed) is kept here.
            await server.KillAsync();
            foreach (var file in Directory.EnumerateFiles(server.Directory, "workspace.db*"))
            {
                File.Copy(file, database + Path.GetFileName(file)["workspace.db".Length..]);
            }
        }

        connection = $"Data Source={database}";
        options = new DbContextOptionsBuilder<WorkspaceDb>().UseSqlite(connection).Options;
        keys = new ChainKeys(Path.Combine(folder, "micro.chain-keys"));
        kept = new GetSignOffStatus.Cache();
        board = [.. await ReadAsync(kept)];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    /// <summary>The first read after a change: one query over papers, their latest rounds and every agency's status, shaped into rows.</summary>
    [Benchmark]
    public Task<IReadOnlyList<GetSignOffStatus.BoardRow>> FromTheTables() => ReadAsync(new GetSignOffStatus.Cache());

    /// <summary>Every other read until the log's head moves: the head, then the board kept for it.</summary>
    [Benchmark]
    public Task<IReadOnlyList<GetSignOffStatus.BoardRow>> FromTheBoardKeptForTheHead() => ReadAsync(kept);

    /// <summary>The board's JSON, written once per head and then served as bytes.</summary>
    [Benchmark]
    public int ItsJson() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(board, web).Length;

    private async Task<IReadOnlyList<GetSignOffStatus.BoardRow>> ReadAsync(GetSignOffStatus.Cache cache)
    {
        await using var writes = new GroupCommit(connection, "");
        await using var db = new WorkspaceDb(options, TimeProvider.System, keys, writes);
        return await new GetSignOffStatus.Handler(db, Secretariat.Instance, cache).Handle(new GetSignOffStatus.Query(), CancellationToken.None);
    }

    private sealed class Secretariat : Workspace.Server.Auth.ICurrentUser
    {
        public static readonly Secretariat Instance = new();

        public bool IsAuthenticated => true;

        public Guid Id => Guid.Empty;

        public string Email => "secretariat@unodc.demo";

        public string AgencyCode => "UNODC";

        public string DisplayName => "Secretariat";

        public bool IsSecretariat => true;

        public string Actor => Email;
    }
}
