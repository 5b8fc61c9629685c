using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Polls;

public static class GetPoll
{
    public sealed record Query(Guid PollId) : IQuery<PollView>, IPollViewerRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MeetingAccess meetings, TimeProvider clock) : IRequestHandler<Query, PollView>
    {
        public async Task<PollView> Handle(Query query, CancellationToken cancellationToken) =>
            await (await db.LoadPollAsync(query.PollId, cancellationToken)).ViewAsync(me, meetings, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static void Map(RouteGroupBuilder polls) =>
        polls.MapGet("/{pollId:guid}", (Guid pollId, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(pollId), ct))
            .WithName("GetPoll")
            .WithSummary("A poll: its times and every answer")
            .WithDescription("`{id, slots:[{id, startsAt, endsAt, yes, ifNeedBe, no, answers:[{agencyCode, email, answer}]}], status: Open|Closed, meetingId, silentAgencyCodes, …}`. Invited agencies and the secretariat; anyone else 404.");
}
