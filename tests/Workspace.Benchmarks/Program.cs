using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Workspace.Benchmarks;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

// The workspace's performance as a number anyone can reproduce: the real server as a child process on a
// temporary SQLite file, loaded through the typed client, each figure beside this machine's own limit
// measured in the same run. Usage and the latest results: docs/benchmarks.md.
if (args is ["micro", .. var rest])
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(EventPath).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
    return 0;
}

var options = Options.Parse(args);
var duration = TimeSpan.FromSeconds(options.Seconds);
Load.WarmUp = TimeSpan.FromSeconds(options.WarmUp);
var folder = Path.Combine(Path.GetTempPath(), "workspace-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var figures = new List<Figure>();
Console.WriteLine($"Workspace benchmark: {options.Papers} papers, {options.Writers} writers, {options.Readers} readers, {options.Seconds} s a phase; {Environment.ProcessorCount} cores.");

if (options.ScaleAgencies.Count > 0 || options.ScaleClients.Count > 0)
{
    return await Curves.RunAsync(options, folder, duration);
}

if (args.Contains("--engines"))
{
    return await Engines.RunAsync(options, folder, duration);
}

var commitLimit = await Limits.SqliteCommitsPerSecondAsync(folder, duration);
var kestrelLimit = await Limits.TrivialKestrelPerSecondAsync(options.Writers, duration);
// The framework's own cost of a durable command: bearer authentication, JSON, one row under group commit and fsync.
var (minimal, minimalLimit) = await MinimalDurable.RunAsync(folder, options.Writers, duration);

ServerProcess started;
try
{
    started = await LoadSeed.StartServerAsync(Path.Combine(folder, "server"));
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

await using var server = started;
var secretariat = await LoadSeed.SignInAsync(server, "secretariat@unodc.demo");
var agencies = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
var sizes = options.ScalePapers.Count > 0 ? options.ScalePapers : [options.Papers];
var papers = new Guid[sizes.Max()];
var hashes = new string[sizes.Max()];
Task SeedAsync(int from, int to) => LoadSeed.PapersInSignOffAsync(secretariat, agencies, from, to, papers, hashes, "load");
var writers = await LoadSeed.FocalPointsAsync(server, agencies, options.Writers);

if (options.ScalePapers.Count > 0)
{
    // The scale curve: the same load at each size, the papers added between sizes.
    var points = new List<ScalePoint>();
    var done = 0;
    foreach (var size in options.ScalePapers.Order())
    {
        await SeedAsync(done, size);
        done = size;
        Progress.Done($"seeded {size} papers");
        var (sizeBoard, _) = await Load.RunAsync($"board at {size} papers", options.Readers, duration,
            _ => secretariat.Http.GetByteArrayAsync(new Uri("/api/sign-off-status", UriKind.Relative)));
        var (sizeComments, _) = await Load.RunAsync($"comments at {size} papers", writers.Count, duration,
            writer => writers[writer].AddCommentAsync(papers[writer % size], 1, "A comment at this size."));
        points.Add(new ScalePoint(size, sizeBoard.Percentile(50), sizeBoard.Percentile(99), sizeComments.Percentile(50), sizeComments.Percentile(99),
            ServerResources.Read(server.Process!).PeakMegabytes));
    }

    Report.WriteScale("papers", $"Papers in sign-off × {agencies.Count} agencies", "comment", points, options.Out);
    return 0;
}

await SeedAsync(0, options.Papers);
Progress.Done($"seeded {options.Papers} papers × {agencies.Count} agencies, all in sign-off");

double ServerCpuSeconds() => ServerResources.Read(server.Process!).CpuSeconds;

// Commands the server made durable and the commits it took for them, from its own metrics (group commit).
async Task<(double Commands, double Commits)> CommitsAsync()
{
    var text = await secretariat.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    return (Prometheus.Sum(text, "workspace_write_batch_size_sum"), Prometheus.Sum(text, "workspace_write_batch_size_count"));
}

double PerCommit((double Commands, double Commits) before, (double Commands, double Commits) after) =>
    after.Commits > before.Commits ? (after.Commands - before.Commands) / (after.Commits - before.Commits) : double.NaN;

var cpuBefore = ServerCpuSeconds();
var commitsBefore = await CommitsAsync();
var (comments, commentsPerSecond) = await Load.RunAsync($"comments, {writers.Count} writers", writers.Count, duration,
    writer => writers[writer].AddCommentAsync(papers[0], 1, "A comment from the load: paragraph 3 needs a source."));
figures.Add(new Figure($"Durable commands (comments), {writers.Count} writers", commentsPerSecond, "/s", "raw SQLite commits (WAL, synchronous=FULL)", commitLimit, "≥ 0.5 × limit"));
figures.Add(new Figure("  beside the minimal durable endpoint", commentsPerSecond, "/s", $"minimal durable endpoint (bearer, JSON, one row, group commit; p99 {minimal.Percentile(99):F1} ms)", minimalLimit, "≥ 0.5 × limit"));
figures.Add(new Figure("  latency p50", comments.Percentile(50), "ms"));
figures.Add(new Figure("  latency p95", comments.Percentile(95), "ms"));
figures.Add(new Figure("  latency p99", comments.Percentile(99), "ms", Target: "≤ 25 ms at half the load"));
figures.Add(new Figure("  failed", comments.Failures, ""));
figures.Add(new Figure("  server CPU per command", (ServerCpuSeconds() - cpuBefore) * 1000 / Math.Max(1, comments.Count + comments.Failures + commentsPerSecond * Load.WarmUp.TotalSeconds), "ms"));
figures.Add(new Figure("  commands per commit (group commit)", PerCommit(commitsBefore, await CommitsAsync()), ""));

// The readers take the board's bytes as a browser would, without parsing them: on 2 cores, parsing a megabyte of
// JSON in this process would measure the client as much as the server.
// The same comments at a steady pace: half of what the busy writers reached, and half of the disk's own rate (the target's load).
foreach (var (label, rate) in new[] { ("half the server's rate", commentsPerSecond / 2), ("half the raw commit rate", commitLimit / 2) })
{
    var pacedBefore = await CommitsAsync();
    var (paced, answered) = await Paced.RunAsync($"comments offered at {label}", rate, duration,
        n => writers[n % writers.Count].AddCommentAsync(papers[0], 1, "A comment at a steady pace."));
    figures.Add(new Figure($"Comments offered at {label} ({rate:F0}/s): answered", answered, "/s"));
    figures.Add(new Figure("  latency p99", paced.Percentile(99), "ms", Target: label.Contains("raw", StringComparison.Ordinal) ? "≤ 25 ms" : null));
    figures.Add(new Figure("  failed", paced.Failures, ""));
    figures.Add(new Figure("  commands per commit", PerCommit(pacedBefore, await CommitsAsync()), ""));
}

// Sign-offs: each writer approves papers in turn for its agency (a decision may be given again while the round is
// open; with the other agencies silent, no round completes).
var turns = new int[writers.Count];
cpuBefore = ServerCpuSeconds();
commitsBefore = await CommitsAsync();
var (signOffs, signOffsPerSecond) = await Load.RunAsync($"sign-offs, {writers.Count} writers", writers.Count, duration, writer =>
{
    var k = (turns[writer]++ * writers.Count + writer) % papers.Length;
    return writers[writer].SignOffAsync(papers[k], 1, hashes[k], "Approve");
});
figures.Add(new Figure($"Durable commands (sign-offs), {writers.Count} writers", signOffsPerSecond, "/s", "raw SQLite commits (WAL, synchronous=FULL)", commitLimit, "≥ 0.5 × limit"));
figures.Add(new Figure("  beside the minimal durable endpoint", signOffsPerSecond, "/s", "minimal durable endpoint", minimalLimit, "≥ 0.5 × limit"));
figures.Add(new Figure("  latency p50", signOffs.Percentile(50), "ms"));
figures.Add(new Figure("  latency p99", signOffs.Percentile(99), "ms"));
figures.Add(new Figure("  failed", signOffs.Failures, ""));
figures.Add(new Figure("  server CPU per command", (ServerCpuSeconds() - cpuBefore) * 1000 / Math.Max(1, signOffs.Count + signOffs.Failures + signOffsPerSecond * Load.WarmUp.TotalSeconds), "ms"));
figures.Add(new Figure("  commands per commit (group commit)", PerCommit(commitsBefore, await CommitsAsync()), ""));

// The other writes people make every day: answers to an invitation, and new revisions of drafts.
var plenary = (await secretariat.ListMeetingsAsync()).First(m => m.Kind == "Plenary");
var answers = new[] { "Accepted", "Tentative", "Declined" };
var (rsvps, rsvpsPerSecond) = await Load.RunAsync($"RSVPs, {writers.Count} writers", writers.Count, duration,
    writer => writers[writer].RsvpAsync(plenary.Id, answers[Environment.TickCount % answers.Length]));
figures.Add(new Figure($"Durable commands (RSVPs), {writers.Count} writers", rsvpsPerSecond, "/s", "raw SQLite commits (WAL, synchronous=FULL)", commitLimit));
figures.Add(new Figure("  latency p99", rsvps.Percentile(99), "ms"));
figures.Add(new Figure("  failed", rsvps.Failures, ""));

var drafts = new (Guid Paper, int Revision)[writers.Count];
for (var w = 0; w < writers.Count; w++)
{
    drafts[w] = ((await secretariat.CreatePaperAsync($"Draft of writer {w}", "IssuePaper", "UNODC", agencies)).Id, 0);
}

var (revisions, revisionsPerSecond) = await Load.RunAsync($"revisions, {writers.Count} writers", writers.Count, duration, async writer =>
{
    var (paper, latest) = drafts[writer];
    var saved = await writers[writer].AddRevisionAsync(paper, latest, $"# Draft of writer {writer}\n\nRevision {latest + 1}: a paragraph reworded.\n");
    drafts[writer] = (paper, saved.Number);
});
figures.Add(new Figure($"Durable commands (revisions), {writers.Count} writers", revisionsPerSecond, "/s", "raw SQLite commits (WAL, synchronous=FULL)", commitLimit));
figures.Add(new Figure("  latency p99", revisions.Percentile(99), "ms"));
figures.Add(new Figure("  failed", revisions.Failures, ""));

// What the readers open besides the board: a paper's page, and the event log a client catches up from.
var reader = writers[0];
var (paperReads, paperReadsPerSecond) = await Load.RunAsync($"paper reads, {options.Readers} readers", options.Readers, duration,
    r => reader.Http.GetByteArrayAsync(new Uri($"/api/papers/{papers[r % papers.Length]}", UriKind.Relative)));
figures.Add(new Figure($"Paper reads, {options.Readers} readers", paperReadsPerSecond, "/s", "trivial Kestrel endpoint, same clients", kestrelLimit));
figures.Add(new Figure("  latency p99", paperReads.Percentile(99), "ms"));
var (logReads, logReadsPerSecond) = await Load.RunAsync($"event log pages, {options.Readers} readers", options.Readers, duration,
    r => reader.Http.GetByteArrayAsync(new Uri($"/api/events?after={r * 100}&limit=100", UriKind.Relative)));
figures.Add(new Figure($"Event log pages of 100, {options.Readers} readers", logReadsPerSecond, "/s", "trivial Kestrel endpoint, same clients", kestrelLimit));
figures.Add(new Figure("  latency p99", logReads.Percentile(99), "ms"));

cpuBefore = ServerCpuSeconds();
var (board, boardPerSecond) = await Load.RunAsync($"board, {options.Readers} readers", options.Readers, duration,
    _ => secretariat.Http.GetByteArrayAsync(new Uri("/api/sign-off-status", UriKind.Relative)));
figures.Add(new Figure($"Board ({options.Papers} papers × {agencies.Count} agencies), {options.Readers} readers", boardPerSecond, "/s",
    "trivial Kestrel endpoint, same clients", kestrelLimit));
figures.Add(new Figure("  latency p50", board.Percentile(50), "ms"));
figures.Add(new Figure("  latency p99", board.Percentile(99), "ms", Target: "≤ 10 ms"));
figures.Add(new Figure("  server CPU per answer", (ServerCpuSeconds() - cpuBefore) * 1000 / Math.Max(1, board.Count + boardPerSecond * Load.WarmUp.TotalSeconds), "ms"));

if (options.Clients > 0)
{
    var raw = await FanOut.RawBroadcastAsync(options.Clients, options.Events);
    var tokens = new List<string> { secretariat.Http.DefaultRequestHeaders.Authorization!.Parameter! };
    tokens.AddRange(writers.Select(w => w.Http.DefaultRequestHeaders.Authorization!.Parameter!));
    var hub = await FanOut.WorkspaceHubAsync(server.BaseAddress, options.Clients, options.Events, tokens,
        async () => (await writers[0].AddCommentAsync(papers[0], 1, "A comment every connection hears.")).Id);
    figures.Add(new Figure($"One event to {options.Clients} hub clients, p99 from commit", hub.Latencies.Percentile(99), "ms",
        $"bare SignalR broadcast to {options.Clients}, p99", raw.Latencies.Percentile(99), "≤ 250 ms and ≤ 1.2 × limit"));
    figures.Add(new Figure("  p50", hub.Latencies.Percentile(50), "ms", "bare broadcast p50", raw.Latencies.Percentile(50)));
    figures.Add(new Figure("  max", hub.Latencies.Percentile(100), "ms"));
    figures.Add(new Figure($"  clients missing any of {options.Events} events", hub.ClientsMissingAny, "", Target: "0"));
}

var (peakMegabytes, cpuSeconds) = ServerResources.Read(server.Process!);
figures.Add(new Figure("Server peak memory", peakMegabytes, "MB", Target: "≤ 400 MB with 2,000 connections"));
figures.Add(new Figure("Server CPU time, whole run", cpuSeconds, "s"));

var run = new Run(DateTimeOffset.UtcNow, Commit(), $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", options, figures);
Report.Write(run, options.Out);
return 0;

static string Commit()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit.Length > 0 ? commit : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}

namespace Workspace.Benchmarks
{
    public sealed record Options(int Papers, int Writers, int Readers, int Seconds, int WarmUp, int Clients, int Events, IReadOnlyList<int> ScalePapers,
        IReadOnlyList<int> ScaleAgencies, IReadOnlyList<int> ScaleClients, string Out)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Number(string name, int fallback) => int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
            List<int> Sizes(string name) => [.. (Value(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
            return new Options(Number("--papers", 500), Number("--writers", 16), Number("--readers", 8), Number("--seconds", 10), Number("--warmup", 5),
                args.Contains("--no-clients") ? 0 : Number("--clients", 2000), Number("--events", 20),
                Sizes("--scale-papers"), Sizes("--scale-agencies"), Sizes("--scale-clients"), Value("--out") ?? "docs/benchmarks");
        }
    }

    /// <summary>The server's own metrics, as <c>/metrics</c> writes them.</summary>
    public static class Prometheus
    {
        /// <summary>The sum of every series of <paramref name="name"/> (whatever its labels).</summary>
        public static double Sum(string text, string name) =>
            text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public sealed record Run(DateTimeOffset At, string Commit, string Machine, Options Options, IReadOnlyList<Figure> Figures);

    /// <summary>The server process's peak resident memory and CPU time so far, from /proc.</summary>
    public static class ServerResources
    {
        public static (double PeakMegabytes, double CpuSeconds) Read(Process process)
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status");
            var peak = status.Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
            process.Refresh();
            return (peak, process.TotalProcessorTime.TotalSeconds);
        }
    }

    /// <summary>The run as JSON and as a markdown table, in a folder of the repository.</summary>
    public static class Report
    {
        private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

        public static void Write(Run run, string folder)
        {
            var target = Target(folder);
            File.WriteAllText(Path.Combine(target, "latest.json"), JsonSerializer.Serialize(run, Json));
            var table = Markdown(run);
            File.WriteAllText(Path.Combine(target, "latest.md"), table);
            Console.WriteLine();
            Console.WriteLine(table);
            Console.WriteLine($"Written to {target}/latest.json and latest.md");
        }

        /// <summary>A scale curve as JSON, an SVG plot and a markdown table.</summary>
        public static void WriteScale(string name, object points, string svg, string table, string folder)
        {
            var target = Target(folder);
            File.WriteAllText(Path.Combine(target, $"scale-{name}.json"), JsonSerializer.Serialize(points, Json));
            File.WriteAllText(Path.Combine(target, $"scale-{name}.svg"), svg);
            File.WriteAllText(Path.Combine(target, $"scale-{name}.md"), table);
            Console.WriteLine();
            Console.WriteLine(table);
            Console.WriteLine($"Written to {target}/scale-{name}.json, .svg and .md");
        }

        /// <summary>A curve of papers or agencies: the board and one kind of write.</summary>
        public static void WriteScale(string name, string sizeName, string writes, IReadOnlyList<ScalePoint> points, string folder) =>
            WriteScale(name, points, ScalePlot.Svg($"As {name} grow", sizeName, writes, points),
                $"| {name} | board p50 | board p99 | {writes} p50 | {writes} p99 | server memory |\n|---:|---:|---:|---:|---:|---:|\n"
                + string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture,
                    $"| {p.Size} | {p.BoardP50:F1} ms | {p.BoardP99:F1} ms | {p.WriteP50:F1} ms | {p.WriteP99:F1} ms | {p.ServerMegabytes:F0} MB |\n"))), folder);

        /// <summary>The curve of connected clients.</summary>
        public static void WriteScale(IReadOnlyList<ClientsPoint> points, int events, string folder) =>
            WriteScale("clients", points, ScalePlot.Svg("As connected clients grow", $"hub clients connected (WebSockets), {events} events each", points),
                "| clients | hub p50 | hub p99 | hub max | bare broadcast p99 | ratio p99 | clients missing any event | server peak memory |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture,
                    $"| {p.Size} | {p.HubP50:F1} ms | {p.HubP99:F1} ms | {p.HubMax:F1} ms | {p.BareP99:F1} ms | {p.HubP99 / p.BareP99:F2} | {p.ClientsMissingAny} | {p.ServerMegabytes:F0} MB |\n"))), folder);

        private static string Target(string folder) => Repository.Folder(folder);

        public static string Markdown(Run run)
        {
            var lines = new List<string>
            {
                $"Run of {run.At:yyyy-MM-dd HH:mm} UTC, commit `{run.Commit}`, {run.Machine}; {run.Options.Papers} papers, {run.Options.Writers} writers, {run.Options.Readers} readers, {run.Options.Seconds} s a phase.",
                "",
                "| figure | value | limit (same run) | ratio | target |",
                "|---|---:|---|---:|---|",
            };
            lines.AddRange(run.Figures.Select(f =>
                $"| {f.Name} | {f.Value.ToString("F1", CultureInfo.InvariantCulture)} {f.Unit} | {(f.Limit is null ? "" : $"{f.Limit}: {f.LimitValue!.Value.ToString("F1", CultureInfo.InvariantCulture)} {f.Unit}")} | {(f.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "")} | {f.Target} |"));
            return string.Join("\n", lines) + "\n";
        }
    }
}
