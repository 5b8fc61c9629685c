using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class ListMeetings
{
    /// <param name="From">Meetings ending after this instant, if given.</param>
    /// <param name="To">Meetings starting before this instant, if given.</param>
    /// <param name="WorkingGroupId">Only this group's meetings, if given.</param>
    /// <param name="Skip">Entries to pass over, by start.</param>
    /// <param name="Take">Entries at most; null: all (the pages).</param>
    public sealed record Query(DateTimeOffset? From, DateTimeOffset? To, Guid? WorkingGroupId = null, int Skip = 0, int? Take = null)
        : IQuery<IReadOnlyList<MeetingView>>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
    }

    internal sealed class Handler(WorkspaceDb db, MeetingAccess access, PaperAccess papers) : IRequestHandler<Query, IReadOnlyList<MeetingView>>
    {
        public Task<IReadOnlyList<MeetingView>> Handle(Query query, CancellationToken cancellationToken) =>
            ListAsync(db, access, papers, query, cancellationToken);
    }

    /// <summary>The meetings the caller may see that the query selects, by start.</summary>
    internal static async Task<IReadOnlyList<MeetingView>> ListAsync(WorkspaceDb db, MeetingAccess access, PaperAccess papers, Query query, CancellationToken cancellationToken)
    {
        var meetings = access.Visible(db.Meetings.AsNoTracking()).Include(m => m.Agenda).Include(m => m.Rsvps).AsSplitQuery();
        if (query.To is { } to)
        {
            var before = to.UtcDateTime;
            meetings = meetings.Where(m => m.StartsAt < before);
        }

        if (query.WorkingGroupId is { } group)
        {
            meetings = meetings.Where(m => m.WorkingGroupId == group);
        }

        var ordered = meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        if (query.From is not { } from)
        {
            var page = await ordered.Skip(query.Skip).Take(query.Take ?? int.MaxValue).ToListAsync(cancellationToken);
            return await MeetingView.ForAsync(papers, page, cancellationToken);
        }

        // The end is start plus duration, which SQLite cannot add in a query: the database narrows by the longest a
        // meeting lasts (7 days), the exact end is checked here.
        var startsAfter = from.UtcDateTime.AddDays(-7);
        var rows = await ordered.Where(m => m.StartsAt > startsAfter).ToListAsync(cancellationToken);
        var selected = rows.Where(m => m.EndsAt > from.UtcDateTime).Skip(query.Skip).Take(query.Take ?? int.MaxValue);
        return await MeetingView.ForAsync(papers, [.. selected], cancellationToken);
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/", async (HttpContext http, IMediator mediator, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, int? offset = null) =>
            {
                var page = Http.Paging.From(limit, offset);
                return Http.Paging.Answer(http, page, await mediator.Send(new Query(from, to, Skip: page.Offset, Take: page.Take), ct));
            })
            .WithName("ListMeetings")
            .WithSummary("Meetings I am invited to")
            .WithDescription("Meetings of your agency (the secretariat: all), by start; `from` and `to` narrow them to a period. A page at a time: `limit` (1–500, default 100) from `offset`; `Link: <…>; rel=\"next\"` while more follow.");
}
