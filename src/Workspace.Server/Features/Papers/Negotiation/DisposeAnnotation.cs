using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The lead decides what becomes of a sent comment or suggestion, and says why unless it accepts it.</summary>
public static class DisposeAnnotation
{
    public sealed record Body(Disposition? Decision, string? Reason);

    public sealed record Command(Guid AnnotationId, Disposition? Decision, [MultiLine] string? Reason) : ICommand<AnnotationView>, IAnnotationDisposerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).NotNull().IsInEnum();
            RuleFor(c => c.Reason).MaximumLength(5_000);
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision is not null and not Disposition.Accepted)
                .WithMessage("Say why: a reason is needed for anything but accepting.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, AnnotationView>
    {
        public async Task<AnnotationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var annotation = await db.Annotations.SingleAsync(a => a.Id == command.AnnotationId, cancellationToken);
            var participants = await db.Papers.Where(p => p.Id == annotation.PaperId).Select(p => p.ParticipatingAgencyCodes).SingleAsync(cancellationToken);
            annotation.Dispose(command.Decision!.Value, command.Reason, me.AsActor(), participants);
            await db.SaveChangesAsync(cancellationToken);
            return AnnotationView.Of(annotation);
        }
    }

    public static void Map(RouteGroupBuilder annotations) =>
        annotations.MapPost("/{annotationId:guid}/disposition", (Guid annotationId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(annotationId, body.Decision, body.Reason), ct))
            .WithName("DisposeAnnotation")
            .WithSummary("Decide on a sent comment or suggestion")
            .WithDescription("`{decision: Accepted|PartlyAccepted|Rejected|Noted, reason?}`: the lead agency's people and the secretariat (others 403). `reason` is needed unless `Accepted`; `Noted` is for comments. The author's agency is told.");
}
