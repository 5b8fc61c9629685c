using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>What changed, line by line, between two revisions.</summary>
public static class GetDiff
{
    public enum LineChange
    {
        Unchanged,
        Inserted,
        Deleted,
    }

    public sealed record Query(Guid PaperId, int From, int To) : IQuery<DiffView>, IPaperViewerRequest;

    /// <param name="OldNumber">The line's number in <c>from</c>, when it is there.</param>
    /// <param name="NewNumber">The line's number in <c>to</c>, when it is there.</param>
    public sealed record DiffLine(LineChange Change, string Text, int? OldNumber, int? NewNumber);

    public sealed record DiffView(int From, int To, int Inserted, int Deleted, IReadOnlyList<DiffLine> Lines);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).GreaterThanOrEqualTo(1);
            RuleFor(q => q.To).GreaterThanOrEqualTo(1);
        }
    }

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, DiffView>
    {
        public async Task<DiffView> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodies = await db.Revisions.AsNoTracking()
                .Where(r => r.PaperId == query.PaperId && (r.Number == query.From || r.Number == query.To))
                .ToDictionaryAsync(r => r.Number, r => r.Body, cancellationToken);
            var from = bodies.GetValueOrDefault(query.From) ?? throw new NotFoundException("revision", $"{query.PaperId}/{query.From}");
            var to = bodies.GetValueOrDefault(query.To) ?? throw new NotFoundException("revision", $"{query.PaperId}/{query.To}");

            var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(from, to, ignoreWhitespace: false);
            var lines = new List<DiffLine>(model.Lines.Count);
            int oldNumber = 0, newNumber = 0;
            foreach (var line in model.Lines)
            {
                lines.Add(line.Type switch
                {
                    ChangeType.Inserted => new DiffLine(LineChange.Inserted, line.Text, null, ++newNumber),
                    ChangeType.Deleted => new DiffLine(LineChange.Deleted, line.Text, ++oldNumber, null),
                    _ => new DiffLine(LineChange.Unchanged, line.Text, ++oldNumber, ++newNumber),
                });
            }

            return new DiffView(query.From, query.To, lines.Count(l => l.Change == LineChange.Inserted), lines.Count(l => l.Change == LineChange.Deleted), lines);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/diff", (Guid paperId, int from, int to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Query(paperId, from, to), ct))
            .WithName("GetDiff")
            .WithSummary("Line diff between two revisions")
            .WithDescription("Every line of `to` and the lines of `from` it no longer has, each marked Unchanged, Inserted or Deleted with its line numbers.");
}
