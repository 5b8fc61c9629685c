using Workspace.Client;

namespace Workspace.Benchmarks;

/// <summary>
/// The scale curves of agencies and of connected clients: a fresh server for each point, so that each point's
/// memory is its own and nothing of the point before weighs on it.
/// </summary>
public static class Curves
{
    public static async Task<int> RunAsync(Options options, string folder, TimeSpan duration)
    {
        if (options.ScaleAgencies.Count > 0)
        {
            var points = new List<ScalePoint>();
            foreach (var size in options.ScaleAgencies.Order())
            {
                points.Add(await AgenciesAsync(options, Path.Combine(folder, $"agencies-{size}"), size, duration));
            }

            Report.WriteScale("agencies", $"Member agencies, every one in each of {options.Papers} papers in sign-off", "sign-off", points, options.Out);
        }

        if (options.ScaleClients.Count > 0)
        {
            var points = new List<ClientsPoint>();
            foreach (var size in options.ScaleClients.Order())
            {
                points.Add(await ClientsAsync(options, Path.Combine(folder, $"clients-{size}"), size));
            }

            Report.WriteScale(points, options.Events, options.Out);
        }

        return 0;
    }

    /// <summary>
    /// <paramref name="size"/> member agencies, every one taking part in each paper: the board grows to papers ×
    /// agencies cells, and each sign-off's round to as many agencies.
    /// </summary>
    private static async Task<ScalePoint> AgenciesAsync(Options options, string folder, int size, TimeSpan duration)
    {
        await using var server = await LoadSeed.StartServerAsync(folder);
        var secretariat = await LoadSeed.SignInAsync(server, "secretariat@unodc.demo");
        var demo = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
        var added = 0;
        await Parallel.ForAsync(demo.Count, size, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            await secretariat.RegisterAgencyAsync($"AG{i:D4}", $"Member organization {i}", ct);
            Progress.Say($"{size} agencies: registering {Interlocked.Increment(ref added)}/{size - demo.Count}");
        });
        var agencies = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
        var papers = new Guid[options.Papers];
        var hashes = new string[options.Papers];
        await LoadSeed.PapersInSignOffAsync(secretariat, agencies, 0, options.Papers, papers, hashes, $"{size} agencies");
        Progress.Done($"{agencies.Count} agencies, {options.Papers} papers in sign-off");
        var writers = await LoadSeed.FocalPointsAsync(server, demo, options.Writers);

        var (board, _) = await Load.RunAsync($"board at {agencies.Count} agencies", options.Readers, duration,
            _ => secretariat.Http.GetByteArrayAsync(new Uri("/api/sign-off-status", UriKind.Relative)));
        var turns = new int[writers.Count];
        var (signOffs, _) = await Load.RunAsync($"sign-offs at {agencies.Count} agencies", writers.Count, duration, writer =>
        {
            var k = (turns[writer]++ * writers.Count + writer) % papers.Length;
            return writers[writer].SignOffAsync(papers[k], 1, hashes[k], "Approve");
        });
        return new ScalePoint(agencies.Count, board.Percentile(50), board.Percentile(99), signOffs.Percentile(50), signOffs.Percentile(99),
            ServerResources.Read(server.Process!).PeakMegabytes);
    }

    /// <summary><paramref name="size"/> hub clients of the group's people, each hearing every event of a paper all agencies take part in.</summary>
    private static async Task<ClientsPoint> ClientsAsync(Options options, string folder, int size)
    {
        var bare = await FanOut.RawBroadcastAsync(size, options.Events);
        await using var server = await LoadSeed.StartServerAsync(folder);
        var secretariat = await LoadSeed.SignInAsync(server, "secretariat@unodc.demo");
        var agencies = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
        var paper = await secretariat.CreatePaperAsync("A paper every agency takes part in", "IssueBrief", "UNODC", agencies);
        await secretariat.AddRevisionAsync(paper.Id, 0, "# A paper\n\nEveryone hears of its comments.\n");
        List<WorkspaceClient> people = [secretariat, .. await LoadSeed.FocalPointsAsync(server, agencies, options.Writers)];

        var tokens = people.Select(p => p.Http.DefaultRequestHeaders.Authorization!.Parameter!).ToList();
        var hub = await FanOut.WorkspaceHubAsync(server.BaseAddress, size, options.Events, tokens,
            async () => (await people[1].AddCommentAsync(paper.Id, 1, "A comment every connection hears.")).Id);
        return new ClientsPoint(size, hub.Latencies.Percentile(50), hub.Latencies.Percentile(99), hub.Latencies.Percentile(100),
            bare.Latencies.Percentile(99), hub.ClientsMissingAny, ServerResources.Read(server.Process!).PeakMegabytes);
    }
}
