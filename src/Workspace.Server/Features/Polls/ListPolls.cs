using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Polls;

public static class ListPolls
{
    public sealed record Summary(Guid Id, string Title, MeetingKind Kind, DateTimeOffset Deadline, PollStatus Status, Guid? MeetingId, int Slots, bool Answered);

    public sealed record Query : IQuery<IReadOnlyList<Summary>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MeetingAccess meetings) : IRequestHandler<Query, IReadOnlyList<Summary>>
    {
        public async Task<IReadOnlyList<Summary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var agency = me.AgencyCode;
            var rows = await meetings.Visible(db.Polls.AsNoTracking()).OrderByDescending(p => p.CreatedAt)
                .Select(p => new { p.Id, p.Title, p.Kind, p.Deadline, p.Status, p.MeetingId, Slots = p.Slots.Count, Answered = p.Answers.Any(a => a.AgencyCode == agency) })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(p => new Summary(p.Id, p.Title, p.Kind, p.Deadline.AsUtcInstant(), p.Status, p.MeetingId, p.Slots, p.Answered))];
        }
    }

    public static void Map(RouteGroupBuilder polls) =>
        polls.MapGet("", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("ListPolls")
            .WithSummary("Polls you are asked to answer")
            .WithDescription("Those your agency is invited to (the secretariat: all), newest first, with whether your agency has answered.");
}
