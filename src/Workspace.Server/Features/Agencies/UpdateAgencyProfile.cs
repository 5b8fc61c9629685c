using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>An agency keeps its own profile; the secretariat may edit any.</summary>
public static class UpdateAgencyProfile
{
    public sealed record Body(string Mandate, IReadOnlyList<string>? ThematicPriorities);

    public sealed record Command(string AgencyCode, [MultiLine] string Mandate, IReadOnlyList<string> ThematicPriorities)
        : ICommand<AgencyProfile>, IOwnAgencyRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Mandate).NotNull().MaximumLength(4000);
            RuleFor(c => c.ThematicPriorities).NotNull().Must(p => p is null || p.Count <= 30).WithMessage("At most 30 thematic priorities.");
            RuleForEach(c => c.ThematicPriorities).NotEmpty().MaximumLength(100);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, AgencyProfile>
    {
        public async Task<AgencyProfile> Handle(Command command, CancellationToken cancellationToken)
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == command.AgencyCode, cancellationToken)
                ?? throw new NotFoundException("agency", command.AgencyCode);
            agency.UpdateProfile(command.Mandate, command.ThematicPriorities, me.AsActor());
            await db.SaveChangesAsync(cancellationToken);
            return (await db.LoadProfileAsync(agency.Code, cancellationToken))!;
        }
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapPut("/{code}/profile", (string code, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(code, body.Mandate, body.ThematicPriorities ?? []), ct))
            .WithName("UpdateAgencyProfile")
            .WithSummary("Update an agency's profile")
            .WithDescription("Mandate and thematic priorities. The agency's own focal points or the secretariat; anyone else → 403.");
}
