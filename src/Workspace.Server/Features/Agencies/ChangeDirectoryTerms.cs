using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>The secretariat keeps the lists of themes and regions profiles may name.</summary>
public static class ChangeDirectoryTerms
{
    public sealed record Command(IReadOnlyList<string>? Themes, IReadOnlyList<string>? Regions) : ICommand<DirectoryTermsView>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Themes).NotEmpty().Must(t => t is null || t.Count <= 60).WithMessage("At most 60 themes.");
            RuleForEach(c => c.Themes).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Regions).NotEmpty().Must(r => r is null || r.Count <= 30).WithMessage("At most 30 regions.");
            RuleForEach(c => c.Regions).NotEmpty().MaximumLength(100);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, DirectoryTermsView>
    {
        public async Task<DirectoryTermsView> Handle(Command command, CancellationToken cancellationToken)
        {
            var terms = await db.DirectoryTerms.SingleOrDefaultAsync(cancellationToken);
            if (terms is null)
            {
                terms = DirectoryTerms.Default();
                db.DirectoryTerms.Add(terms);
            }

            terms.Change(command.Themes!, command.Regions!, me.AsActor());
            await db.SaveChangesAsync(cancellationToken);
            return new DirectoryTermsView(terms.Themes, terms.Regions);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/directory-terms", async (Command body, IMediator mediator, CancellationToken ct) => await mediator.Send(body, ct))
            .WithTags("Membership")
            .WithName("ChangeDirectoryTerms")
            .WithSummary("Set the themes and regions of the member directory")
            .WithDescription("Secretariat. `themes` and `regions`, each a non-empty list. Profiles keep what they named; a term no longer listed is refused at their next change.");
}
