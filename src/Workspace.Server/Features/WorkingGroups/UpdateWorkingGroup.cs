using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.WorkingGroups;

/// <summary>The secretariat or the co-chairs rename a group, change its lead or its members.</summary>
public static class UpdateWorkingGroup
{
    public sealed record Body(string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes);

    public sealed record Command(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes)
        : ICommand<WorkingGroupView>, ICoChairOrSecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.LeadAgencyCode).NotEmpty()
                .MustBeMember(db).WithMessage("The lead must be a member agency.");
            RuleFor(c => c.MemberAgencyCodes).NotNull()
                .MustAllBeMembers(db)
                .WithMessage("Every member must be a member agency.");
        }
    }

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Command, WorkingGroupView>
    {
        public async Task<WorkingGroupView> Handle(Command command, CancellationToken cancellationToken)
        {
            var group = await db.WorkingGroups.SingleOrDefaultAsync(g => g.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("working group", command.Id.ToString());
            group.Change(command.Name, command.LeadAgencyCode, command.MemberAgencyCodes);
            await db.SaveChangesAsync(cancellationToken);
            return WorkingGroupView.From(group);
        }
    }

    public static void Map(RouteGroupBuilder groups) =>
        groups.MapPut("/{id:guid}", (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(id, body.Name, body.LeadAgencyCode, body.MemberAgencyCodes), ct))
            .WithName("UpdateWorkingGroup")
            .WithSummary("Change a working group (secretariat or co-chairs)")
            .WithDescription("Its name, lead and members; the lead is always a member.");
}

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

    internal sealed class MeetingsHandler(WorkspaceDb db, IMediator mediator) : IRequestHandler<MeetingsQuery, IReadOnlyList<MeetingView>>
    {
        public async Task<IReadOnlyList<MeetingView>> Handle(MeetingsQuery query, CancellationToken cancellationToken)
        {
            await EnsureExistsAsync(db, query.Id, cancellationToken);
            return await mediator.Send(new ListMeetings.Query(null, null, query.Id), cancellationToken);
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
