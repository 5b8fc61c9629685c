using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Workspace.Server.Data;

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
