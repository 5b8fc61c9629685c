using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The lead agency or the secretariat withdraws a paper before it is published.</summary>
public static class WithdrawPaper
{
    public sealed record Command(Guid PaperId) : ICommand<PaperView>, IPaperLeadRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.PaperId).NotEmpty();
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, PaperAccess access, TimeProvider clock) : IRequestHandler<Command, PaperView>
    {
        public async Task<PaperView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            paper.Withdraw(me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/withdraw", (Guid paperId, IMediator mediator, CancellationToken ct) => mediator.Send(new Command(paperId), ct))
            .WithName("WithdrawPaper")
            .WithSummary("Withdraw a paper")
            .WithDescription("Lead agency or secretariat, in any state before Published; an open round is cancelled.");
}
