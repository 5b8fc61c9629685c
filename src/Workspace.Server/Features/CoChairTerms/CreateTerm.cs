using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.CoChairTerms;

public static class CreateTerm
{
    public sealed record Command(IReadOnlyList<string> AgencyCodes, DateOnly From, DateOnly To)
        : ICommand<CoChairTermView>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.AgencyCodes)
                .NotNull()
                .Must(codes => codes is { Count: 2 } && codes[0] != codes[1])
                .WithMessage("A term has exactly two distinct member agencies.")
                .MustAllBeMembers(db)
                .WithMessage("Every agency of a term must be a member.");
            RuleFor(c => c.From).NotEmpty();
            RuleFor(c => c.To).NotEmpty().GreaterThanOrEqualTo(c => c.From).WithMessage("A term ends on or after the day it starts.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, CoChairTermView>
    {
        public async Task<CoChairTermView> Handle(Command command, CancellationToken cancellationToken)
        {
            var overlapping = await db.CoChairTerms.Where(t => t.From <= command.To && command.From <= t.To).ToListAsync(cancellationToken);
            var term = CoChairTerm.Create(command.AgencyCodes, command.From, command.To, overlapping, me.AsActor());
            db.CoChairTerms.Add(term);
            await db.SaveChangesAsync(cancellationToken);
            return CoChairTermView.Of(term);
        }
    }

    public static void Map(RouteGroupBuilder terms) =>
        terms.MapPost("/", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/cochair-terms/{created.Id}", created);
            })
            .WithName("CreateCoChairTerm")
            .WithSummary("Set a co-chair term (secretariat)")
            .WithDescription("Two distinct member agencies from one date to another (inclusive). Not exactly two members → 400; overlapping another term → 409.");
}
