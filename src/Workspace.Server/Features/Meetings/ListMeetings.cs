using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class ListMeetings
{
    /// <param name="From">Meetings ending after this instant, if given.</param>
    /// <param name="To">Meetings starting before this instant, if given.</param>
    /// <param name="WorkingGroupId">Only this group's meetings, if given.</param>
    public sealed record Query(DateTimeOffset? From, DateTimeOffset? To, Guid? WorkingGroupId = null) : IQuery<IReadOnlyList<MeetingView>>, ISignedInRequest;

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

        var rows = await meetings.OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        // The end is start plus duration, which SQLite cannot add in a query.
        return await MeetingView.ForAsync(papers, [.. rows.Where(m => query.From is null || m.EndsAt > query.From.Value.UtcDateTime)], cancellationToken);
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/", (IMediator mediator, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
                mediator.Send(new Query(from, to), ct))
            .WithName("ListMeetings")
            .WithSummary("Meetings I am invited to")
            .WithDescription("Meetings of your agency (the secretariat: all), by start; `from` and `to` narrow them to a period.");
}
