using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The lead proposes an editorial correction to a signed-off or published paper: the signatories are told, with
/// the difference, and have a short silence period to object before every sign-off carries over.
/// </summary>
public static class ProposeCorrection
{
    public sealed record Command(Guid PaperId, int? BaseRevision, [MultiLine] string? Body) : ICommand<CorrectionView>, IPaperLeadRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BaseRevision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.Body).NotEmpty().MaximumLength(AddRevision.MaxBodyLength);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock, IOptions<SignOffOptions> options) : IRequestHandler<Command, CorrectionView>
    {
        public async Task<CorrectionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var (revision, correction) = paper.ProposeCorrection(command.BaseRevision!.Value, command.Body!, me.AsActor(), clock.GetUtcNow().UtcDateTime,
                TimeSpan.FromHours(options.Value.CorrectionSilenceHours));
            db.Revisions.Add(revision);
            db.Corrections.Add(correction);
            await db.SaveChangesAsync(cancellationToken);
            return CorrectionView.Of(correction);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/corrections", async (Guid paperId, CorrectionBody body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(paperId, body.BaseRevision, body.Body), ct);
                return TypedResults.Created($"/api/papers/{paperId}/corrections/{created.Revision}", created);
            })
            .WithName("ProposeCorrection")
            .WithSummary("Propose an editorial correction")
            .WithDescription("The corrected markdown `body` on top of `baseRevision` (the latest). Lead agency or secretariat; only SignedOff or Published papers, one correction at a time. Every signatory agency is told and may object until the deadline (`SignOff:CorrectionSilenceHours`, 48 by default); with no objection the corrected revision becomes the approved (and published) text and every sign-off carries over. The difference: `GET /api/papers/{id}/diff?from={correctedRevision}&to={revision}`.");

    public sealed record CorrectionBody(int? BaseRevision, string? Body);
}
