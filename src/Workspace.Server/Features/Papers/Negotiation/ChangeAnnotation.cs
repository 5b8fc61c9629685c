using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>An agency's people change or delete its drafts, and withdraw what it sent before the lead decided.</summary>
public static class ChangeAnnotation
{
    public sealed record Body(string? Text, string? Justification);

    public sealed record Edit(Guid AnnotationId, [MultiLine] string? Text, [MultiLine] string? Justification) : ICommand<AnnotationView>, IAnnotationOwnerRequest;

    public sealed record Delete(Guid AnnotationId) : ICommand<Unit>, IAnnotationOwnerRequest;

    public sealed record Withdraw(Guid AnnotationId) : ICommand<AnnotationView>, IAnnotationOwnerRequest;

    internal sealed class EditValidator : AbstractValidator<Edit>
    {
        public EditValidator()
        {
            RuleFor(c => c.Text).MaximumLength(20_000);
            RuleFor(c => c.Justification).MaximumLength(5_000);
        }
    }

    internal sealed class DeleteValidator : AbstractValidator<Delete>;

    internal sealed class WithdrawValidator : AbstractValidator<Withdraw>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) :
        IRequestHandler<Edit, AnnotationView>, IRequestHandler<Delete, Unit>, IRequestHandler<Withdraw, AnnotationView>
    {
        public async Task<AnnotationView> Handle(Edit command, CancellationToken cancellationToken)
        {
            var annotation = await db.Annotations.SingleAsync(a => a.Id == command.AnnotationId, cancellationToken);
            annotation.Edit(command.Text, command.Justification);
            await db.SaveChangesAsync(cancellationToken);
            return AnnotationView.Of(annotation);
        }

        public async Task<Unit> Handle(Delete command, CancellationToken cancellationToken)
        {
            var annotation = await db.Annotations.SingleAsync(a => a.Id == command.AnnotationId, cancellationToken);
            annotation.EnsureDraft();
            db.Annotations.Remove(annotation);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        public async Task<AnnotationView> Handle(Withdraw command, CancellationToken cancellationToken)
        {
            var annotation = await db.Annotations.SingleAsync(a => a.Id == command.AnnotationId, cancellationToken);
            annotation.Withdraw(me.AsActor());
            await db.SaveChangesAsync(cancellationToken);
            return AnnotationView.Of(annotation);
        }
    }

    public static void Map(RouteGroupBuilder annotations)
    {
        annotations.MapPatch("/{annotationId:guid}", (Guid annotationId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Edit(annotationId, body.Text, body.Justification), ct))
            .WithName("EditAnnotation")
            .WithSummary("Change a draft's words")
            .WithDescription("`{text?, justification?}` (a field left out stays). Its agency only, while it is a draft (else 409 `not-a-draft`).");
        annotations.MapDelete("/{annotationId:guid}", async (Guid annotationId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Delete(annotationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAnnotation")
            .WithSummary("Delete a draft")
            .WithDescription("Its agency only, while it is a draft (else 409 `not-a-draft`).");
        annotations.MapPost("/{annotationId:guid}/withdraw", (Guid annotationId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Withdraw(annotationId), ct))
            .WithName("WithdrawAnnotation")
            .WithSummary("Take back what was sent")
            .WithDescription("Its agency only, while it is `Open` (else 409 `not-open`).");
    }
}
