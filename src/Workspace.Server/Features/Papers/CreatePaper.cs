using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class CreatePaper
{
    public sealed record Command(string Title, PaperKind? Kind, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes, Guid? WorkingGroupId)
        : ICommand<PaperView>, IOwnAgencyRequest
    {
        string IOwnAgencyRequest.AgencyCode => LeadAgencyCode;
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.LeadAgencyCode).NotEmpty()
                .MustBeMember(db).WithMessage("The lead must be a member agency.");
            RuleFor(c => c.ParticipatingAgencyCodes).NotNull()
                .Must(codes => codes.Count <= 500).WithMessage("At most 500 participating agencies.")
                .MustAllBeMembers(db)
                .WithMessage("Every participating agency must be a member.");
            RuleFor(c => c.WorkingGroupId)
                .MustAsync((id, ct) => db.WorkingGroups.AnyAsync(g => g.Id == id, ct)).When(c => c.WorkingGroupId is not null)
                .WithMessage("No such working group.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, PaperAccess access, TimeProvider clock) : IRequestHandler<Command, PaperView>
    {
        public async Task<PaperView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = Paper.Create(command.Title, command.Kind!.Value, command.LeadAgencyCode, command.ParticipatingAgencyCodes,
                command.WorkingGroupId, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Papers.Add(paper);
            await db.SaveChangesAsync(cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/papers/{created.Id}", created);
            })
            .WithName("CreatePaper")
            .WithSummary("Start a paper")
            .WithDescription("A title, a kind, the lead agency and the participating agencies (the lead always participates). Only the lead agency's focal points or the secretariat. The paper starts in Drafting with no revision.");
}
