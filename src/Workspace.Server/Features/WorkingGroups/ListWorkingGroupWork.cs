using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.WorkingGroups;

/// <summary>A group's papers and meetings, as far as the caller may see them.</summary>
public static class ListWorkingGroupWork
{
    public sealed record PapersQuery(Guid Id) : IQuery<IReadOnlyList<ListPapers.PaperSummary>>, ISignedInRequest;

    internal sealed class PapersHandler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<PapersQuery, IReadOnlyList<ListPapers.PaperSummary>>
    {
        public async Task<IReadOnlyList<ListPapers.PaperSummary>> Handle(PapersQuery query, CancellationToken cancellationToken)
        {
            await EnsureExistsAsync(db, query.Id, cancellationToken);
            return await db.Papers.AsNoTracking().VisibleTo(me).Where(p => p.WorkingGroupId == query.Id).SummariesAsync(cancellationToken);
        }
    }

    public sealed record MeetingsQuery(Guid Id) : IQuery<IReadOnlyList<MeetingView>>, ISignedInRequest;

    internal sealed class MeetingsHandler(WorkspaceDb db, MeetingAccess access, PaperAccess papers) : IRequestHandler<MeetingsQuery, IReadOnlyList<MeetingView>>
    {
        public async Task<IReadOnlyList<MeetingView>> Handle(MeetingsQuery query, CancellationToken cancellationToken)
        {
            await EnsureExistsAsync(db, query.Id, cancellationToken);
            return await ListMeetings.ListAsync(db, access, papers, new ListMeetings.Query(null, null, query.Id), cancellationToken);
        }
    }

    private static async Task EnsureExistsAsync(WorkspaceDb db, Guid id, CancellationToken ct)
    {
        if (!await db.WorkingGroups.AnyAsync(g => g.Id == id, ct))
        {
            throw new NotFoundException("working group", id.ToString());
        }
    }

    public static void Map(RouteGroupBuilder groups)
    {
        groups.MapGet("/{id:guid}/papers", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new PapersQuery(id), ct))
            .WithName("ListWorkingGroupPapers")
            .WithSummary("A working group's papers")
            .WithDescription("Those you may see, newest first.");
        groups.MapGet("/{id:guid}/meetings", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new MeetingsQuery(id), ct))
            .WithName("ListWorkingGroupMeetings")
            .WithSummary("A working group's meetings")
            .WithDescription("Those you are invited to, by start.");
    }
}
