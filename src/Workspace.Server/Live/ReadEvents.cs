using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Live;

/// <summary>The events after a <c>seq</c> that the caller may see, in order: what <c>/api/events</c> answers and the hub's Resume reads.</summary>
public static class ReadEvents
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public sealed record Query(long After, int Limit = DefaultLimit) : IQuery<IReadOnlyList<EventEnvelope>>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.After).GreaterThanOrEqualTo(0);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Query, IReadOnlyList<EventEnvelope>>
    {
        public async Task<IReadOnlyList<EventEnvelope>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Events.AsNoTracking()
                .Where(e => e.Seq > query.After)
                .VisibleTo(me.IsSecretariat, me.AgencyCode)
                .OrderBy(e => e.Seq)
                .Take(query.Limit)
                .ToListAsync(cancellationToken);
            return rows.Select(EventEnvelope.From).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", (IMediator mediator, CancellationToken ct, long after = 0, int limit = DefaultLimit) =>
                mediator.Send(new Query(after, limit), ct))
            .WithTags("Events")
            .WithName("ReadEvents")
            .WithSummary("The event log")
            .WithDescription("Events with `seq` greater than `after` that you may see, in order, at most `limit` (1–1000, default 100). Keep the last `seq` you saw and ask again from it.");
}
