using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.WorkingGroups;

public static class CreateWorkingGroup
{
    public sealed record Command(string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes)
        : ICommand<WorkingGroupView>, ICoChairOrSecretariatRequest, IWorkingGroupShape;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db) => WorkingGroupRules.Apply(this, db);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, WorkingGroupView>
    {
        public async Task<WorkingGroupView> Handle(Command command, CancellationToken cancellationToken)
        {
            var group = WorkingGroup.Create(command.Name, command.LeadAgencyCode, command.MemberAgencyCodes, me.AsActor());
            db.WorkingGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            return WorkingGroupView.From(group);
        }
    }

    public static void Map(RouteGroupBuilder groups) =>
        groups.MapPost("/", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/working-groups/{created.Id}", created);
            })
            .WithName("CreateWorkingGroup")
            .WithSummary("Create a working group (secretariat or co-chairs)")
            .WithDescription("A name, a lead agency and member agencies; the lead is always a member. Unknown agencies → 400.");
}
