using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.WorkingGroups;

/// <summary>The secretariat or the co-chairs rename a group, change its lead or its members.</summary>
public static class UpdateWorkingGroup
{
    public sealed record Body(string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes);

    public sealed record Command(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes)
        : ICommand<WorkingGroupView>, ICoChairOrSecretariatRequest, IWorkingGroupShape;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db) => WorkingGroupRules.Apply(this, db);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, WorkingGroupView>
    {
        public async Task<WorkingGroupView> Handle(Command command, CancellationToken cancellationToken)
        {
            var group = await db.WorkingGroups.SingleOrDefaultAsync(g => g.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("working group", command.Id.ToString());
            group.Change(command.Name, command.LeadAgencyCode, command.MemberAgencyCodes, me.AsActor());
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
