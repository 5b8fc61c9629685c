using DiffPlex;
using DiffPlex.Model;
using Microsoft.Extensions.Caching.Memory;
using Workspace.Server.Data;
using Workspace.Server.Http;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// What changed, line by line, between two revisions. The cost is bounded: the lines both texts share at
/// their start and end are matched without the diff algorithm, at most <see cref="MaxChangedLines"/> lines
/// of each side go through it (beyond, 422 <c>diff-too-large</c>), a few diffs run at once, unchanged runs
/// are folded beyond <c>context</c> lines, and answers are cached (revisions never change).
/// </summary>
public static class GetDiff
{
    /// <summary>Lines of each side, between the shared start and end, that the diff compares: about 0.3 s of CPU at most.</summary>
    public const int MaxChangedLines = 10_000;

    public const int DefaultContext = 3;

    public enum LineChange
    {
        Unchanged,
        Inserted,
        Deleted,

        /// <summary><see cref="DiffLine.Count"/> unchanged lines left out, starting at the line numbers given.</summary>
        Folded,
    }

    public sealed record Query(Guid PaperId, int From, int To, int? Context = null) : IQuery<DiffView>, IPaperViewerRequest;

    /// <param name="OldNumber">The line's number in <c>from</c>, when it is there.</param>
    /// <param name="NewNumber">The line's number in <c>to</c>, when it is there.</param>
    /// <param name="Count">For a folded run, how many lines it stands for.</param>
    public sealed record DiffLine(LineChange Change, string Text, int? OldNumber, int? NewNumber, int? Count = null);

    public sealed record DiffView(int From, int To, int Inserted, int Deleted, IReadOnlyList<DiffLine> Lines);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).GreaterThanOrEqualTo(1);
            RuleFor(q => q.To).GreaterThanOrEqualTo(1);
            RuleFor(q => q.Context).InclusiveBetween(0, 1_000_000);
        }
    }

    /// <summary>Answers already computed, bounded by the lines they hold.</summary>
    public sealed class Cache() : MemoryCache(new MemoryCacheOptions { SizeLimit = 2_000_000 });

    internal sealed class Handler(WorkspaceDb db, Cache cache) : IRequestHandler<Query, DiffView>
    {
        // CPU-bound work: never more diffs at once than leaves a core for everyone else.
        private static readonly SemaphoreSlim Running = new(Math.Max(1, Environment.ProcessorCount - 1));

        public async Task<DiffView> Handle(Query query, CancellationToken cancellationToken)
        {
            var context = query.Context ?? DefaultContext;
            var key = (nameof(GetDiff), query.PaperId, query.From, query.To, context);
            if (cache.TryGetValue(key, out DiffView? cached) && cached is not null)
            {
                return cached;
            }

            var bodies = await db.Revisions.AsNoTracking()
                .Where(r => r.PaperId == query.PaperId && (r.Number == query.From || r.Number == query.To))
                .ToDictionaryAsync(r => r.Number, r => r.Body, cancellationToken);
            var from = bodies.GetValueOrDefault(query.From) ?? throw new NotFoundException("revision", $"{query.PaperId}/{query.From}");
            var to = bodies.GetValueOrDefault(query.To) ?? throw new NotFoundException("revision", $"{query.PaperId}/{query.To}");

            await Running.WaitAsync(cancellationToken);
            DiffView view;
            try
            {
                view = Compare(query.From, query.To, from, to, context);
            }
            finally
            {
                Running.Release();
            }

            cache.Set(key, view, new MemoryCacheEntryOptions { Size = view.Lines.Count + 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
            return view;
        }
    }

    internal static DiffView Compare(int fromNumber, int toNumber, string fromText, string toText, int context)
    {
        var old = Lines(fromText);
        var @new = Lines(toText);
        var start = 0;
        while (start < old.Length && start < @new.Length && old[start] == @new[start])
        {
            start++;
        }

        var end = 0;
        while (end < old.Length - start && end < @new.Length - start && old[^(end + 1)] == @new[^(end + 1)])
        {
            end++;
        }

        int oldMiddle = old.Length - start - end, newMiddle = @new.Length - start - end;
        if (oldMiddle > MaxChangedLines || newMiddle > MaxChangedLines)
        {
            throw new LimitExceededException("diff-too-large",
                $"Revisions {fromNumber} and {toNumber} differ over {Math.Max(oldMiddle, newMiddle):N0} lines, more than the {MaxChangedLines:N0} a diff compares. Compare revisions closer together, or read each whole.");
        }

        // Each line as it stands in the diff: (change, index in old, index in new).
        var ops = new List<(LineChange Change, int Old, int New)>(old.Length + newMiddle);
        for (var i = 0; i < start; i++)
        {
            ops.Add((LineChange.Unchanged, i, i));
        }

        if (oldMiddle > 0 && newMiddle > 0)
        {
            // Every line gets a leading mark so that no side is the empty string, which DiffPlex reads as no lines at all.
            var blocks = new Differ().CreateDiffs(string.Join('\n', old[start..^end].Select(l => "|" + l)), string.Join('\n', @new[start..^end].Select(l => "|" + l)),
                false, false, NewlineChunker.Instance).DiffBlocks;
            int a = 0, b = 0;
            foreach (var block in blocks.Append(new DiffBlock(oldMiddle, 0, newMiddle, 0)))
            {
                for (; a < block.DeleteStartA; a++, b++)
                {
                    ops.Add((LineChange.Unchanged, start + a, start + b));
                }

                for (var d = 0; d < block.DeleteCountA; d++, a++)
                {
                    ops.Add((LineChange.Deleted, start + a, -1));
                }

                for (var n = 0; n < block.InsertCountB; n++, b++)
                {
                    ops.Add((LineChange.Inserted, -1, start + b));
                }
            }
        }
        else
        {
            ops.AddRange(Enumerable.Range(start, oldMiddle).Select(i => (LineChange.Deleted, i, -1)));
            ops.AddRange(Enumerable.Range(start, newMiddle).Select(i => (LineChange.Inserted, -1, i)));
        }

        for (var i = 0; i < end; i++)
        {
            ops.Add((LineChange.Unchanged, old.Length - end + i, @new.Length - end + i));
        }

        return new DiffView(fromNumber, toNumber, ops.Count(o => o.Change == LineChange.Inserted), ops.Count(o => o.Change == LineChange.Deleted),
            Fold(ops, old, @new, context));
    }

    /// <summary>Unchanged lines further than <paramref name="context"/> from any change become one folded entry per run.</summary>
    private static List<DiffLine> Fold(List<(LineChange Change, int Old, int New)> ops, string[] old, string[] @new, int context)
    {
        var near = new bool[ops.Count];
        if (context >= ops.Count)
        {
            // A context as long as the text shows all of it, also when nothing changed.
            Array.Fill(near, true);
        }

        var lastChange = int.MinValue / 2;
        for (var i = 0; i < ops.Count; i++)
        {
            lastChange = ops[i].Change == LineChange.Unchanged ? lastChange : i;
            near[i] |= i - lastChange <= context;
        }

        lastChange = int.MaxValue / 2;
        for (var i = ops.Count - 1; i >= 0; i--)
        {
            lastChange = ops[i].Change == LineChange.Unchanged ? lastChange : i;
            near[i] |= lastChange - i <= context;
        }

        var lines = new List<DiffLine>();
        for (var i = 0; i < ops.Count; i++)
        {
            var (change, o, n) = ops[i];
            if (change == LineChange.Unchanged && !near[i])
            {
                var run = i;
                while (run < ops.Count && ops[run].Change == LineChange.Unchanged && !near[run])
                {
                    run++;
                }

                lines.Add(new DiffLine(LineChange.Folded, "", o + 1, n + 1, run - i));
                i = run - 1;
                continue;
            }

            lines.Add(change switch
            {
                LineChange.Inserted => new DiffLine(change, @new[n], null, n + 1),
                LineChange.Deleted => new DiffLine(change, old[o], o + 1, null),
                _ => new DiffLine(change, old[o], o + 1, n + 1),
            });
        }

        return lines;
    }

    /// <summary>A text's lines: any line ending ends a line; a final line ending does not start another.</summary>
    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private sealed class NewlineChunker : IChunker
    {
        public static readonly NewlineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/diff", (Guid paperId, int from, int to, IMediator mediator, CancellationToken ct, int? context = null) =>
                mediator.Send(new Query(paperId, from, to, context), ct))
            .WithName("GetDiff")
            .WithSummary("Line diff between two revisions")
            .WithDescription("The lines of `to` and the lines of `from` it no longer has, each marked Unchanged, Inserted or Deleted with its line numbers. Unchanged lines further than `context` lines (default 3; a large number shows every line) from a change are folded into one `Folded` entry with a `count`. When the revisions differ over more than 10,000 lines of either side → 422 `diff-too-large`.");
}
