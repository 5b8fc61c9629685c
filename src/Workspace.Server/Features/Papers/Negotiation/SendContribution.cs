using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A focal point sends their agency's drafts on a revision: the lead and the other agencies see them from now on.</summary>
public static class SendContribution
{
    public sealed record Body(int? Revision);

    public sealed record Command(Guid PaperId, int? Revision) : ICommand<ContributionView>, IPaperParticipantRequest, IReadsProjections;

    public sealed record ContributionView(string AgencyCode, int Revision, IReadOnlyList<Guid> AnnotationIds, string Status);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Revision).NotNull().GreaterThan(0);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ContributionView>
    {
        public async Task<ContributionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var revision = command.Revision!.Value;
            var drafts = await db.Annotations
                .Where(a => a.PaperId == paper.Id && a.AgencyCode == me.AgencyCode && a.Status == AnnotationStatus.Draft && a.Revision == revision)
                .OrderBy(a => a.Start).ToListAsync(cancellationToken);
            paper.SendContribution(drafts, revision, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new ContributionView(me.AgencyCode, revision, [.. drafts.Select(d => d.Id)], "Sent");
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/contributions", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var sent = await mediator.Send(new Command(paperId, body.Revision), ct);
                return TypedResults.Created($"/api/papers/{paperId}/annotations?agency={sent.AgencyCode}&revision={sent.Revision}", sent);
            })
            .WithName("SendContribution")
            .WithSummary("Send my agency's comments and suggestions")
            .WithDescription("`{revision}`: every draft of your agency on that revision becomes `Open`, seen by the paper's agencies and the secretariat; the lead agency is told. Nothing to send → 409 `nothing-to-send`.");
}
