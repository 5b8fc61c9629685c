using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Benchmarks;

/// <summary>
/// What every load starts from: the real server as a child process on a temporary file with the demo group, its
/// people signed in through the typed client, and papers in sign-off with every given agency participating.
/// </summary>
public static class LoadSeed
{
    public static async Task<ServerProcess> StartServerAsync(string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ServerProcess(folder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            server.Environment[key] = value;
        }

        server.Environment["Seed__Demo"] = "true";
        // What is measured is how many changes the server takes, not the limit of changes a minute per person.
        server.Environment.TryAdd("Api__WritesPerMinute", "0");
        server.Environment["Api__PublicUrl"] = server.BaseAddress.ToString().TrimEnd('/');
        if (await server.StartAsync() is { } exit)
        {
            var errors = server.Errors;
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not start (exit code {exit}):\n{errors}");
        }

        return server;
    }

    public static async Task<WorkspaceClient> SignInAsync(ServerProcess server, string email)
    {
        var client = new WorkspaceClient(new HttpClient { BaseAddress = server.BaseAddress });
        await client.SignInAsync(email, server.Password);
        return client;
    }

    /// <summary>The demo focal points of up to <paramref name="count"/> of these agencies other than the secretariat's, signed in.</summary>
    public static async Task<List<WorkspaceClient>> FocalPointsAsync(ServerProcess server, IEnumerable<string> agencyCodes, int count)
    {
        var people = new List<WorkspaceClient>();
        foreach (var code in agencyCodes.Where(c => c != "UNODC").Take(count))
        {
            people.Add(await SignInAsync(server, $"focal@{code.ToLowerInvariant()}.demo"));
        }

        return people;
    }

    /// <summary>
    /// Papers <paramref name="from"/> to <paramref name="to"/> (exclusive), led by UNODC with every one of
    /// <paramref name="agencies"/> participating, each with a revision and an open round; their ids and the
    /// revision's hash are written at their index.
    /// </summary>
    public static async Task PapersInSignOffAsync(WorkspaceClient secretariat, IReadOnlyList<string> agencies, int from, int to,
        Guid[] papers, string[] hashes, string label)
    {
        var seeded = 0;
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var paper = await secretariat.CreatePaperAsync($"Load paper {i:D5}", "IssueBrief", "UNODC", agencies, ct: ct);
            var revision = await secretariat.AddRevisionAsync(paper.Id, 0, $"# Load paper {i}\n\nA text every agency reads.\n", ct);
            await secretariat.OpenRoundAsync(paper.Id, revision.Number, "Unanimous", DateTimeOffset.UtcNow.AddDays(10 + (i % 20)), ct);
            papers[i] = paper.Id;
            hashes[i] = revision.ContentHash;
            Progress.Say($"{label}: seeding papers {from + Interlocked.Increment(ref seeded)}/{to}");
        });
    }
}
