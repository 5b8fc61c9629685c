using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>A signatory agency objects to a proposed correction: it is not adopted; a signed-off paper goes back for a full round.</summary>
public static class ObjectToCorrection
{
    public sealed record Body(string? Reason, string? OnBehalfOf);

    public sealed record Command(Guid PaperId, int Revision, [MultiLine] string? Reason, string? OnBehalfOf)
        : ICommand<CorrectionView>, IPaperParticipantRequest, IAlternateRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("An objection says why.").MaximumLength(10_000);
            RuleFor(c => c.OnBehalfOf).MaximumLength(256).EmailAddress();
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, CorrectionView>
    {
        public async Task<CorrectionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var correction = await db.Corrections.SingleOrDefaultAsync(c => c.PaperId == paper.Id && c.RevisionNumber == command.Revision, cancellationToken)
                ?? throw new NotFoundException("correction", $"{command.PaperId}/{command.Revision}");
            paper.ObjectToCorrection(correction, command.Reason!, me.AsActor(command.OnBehalfOf), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return CorrectionView.Of(correction);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/corrections/{revision:int}/objection", (Guid paperId, int revision, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(paperId, revision, body.Reason, body.OnBehalfOf), ct))
            .WithName("ObjectToCorrection")
            .WithSummary("Object to an editorial correction for my agency")
            .WithDescription("With a `reason`, before the correction's deadline (else 409 `correction-closed`); only agencies that signed the paper (others 403). The correction is not adopted: a signed-off paper returns to Drafting for a full round on the corrected revision; a published paper keeps its published text.");
}
