using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

public static class RegisterAgency
{
    public sealed record Command(string Code, string Name) : ICommand<AgencySummary>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).MustBeAgencyCode();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, AgencySummary>
    {
        public async Task<AgencySummary> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Agencies.AnyAsync(a => a.Code == command.Code, cancellationToken))
            {
                throw new RuleBrokenException("duplicate-agency", $"An agency with code {command.Code} is already a member.");
            }

            var agency = Agency.Register(command.Code, command.Name, me.AsActor());
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            return new AgencySummary(agency.Code, agency.Name);
        }
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapPost("/", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/agencies/{created.Code}", created);
            })
            .WithName("RegisterAgency")
            .WithSummary("Register a member agency (secretariat)")
            .WithDescription("Adds a member organization. A code already in use → 409.");
}
