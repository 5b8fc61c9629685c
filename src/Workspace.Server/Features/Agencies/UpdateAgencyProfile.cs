using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>An agency keeps its own profile; the secretariat may edit any.</summary>
public static class UpdateAgencyProfile
{
    public sealed record Body(string Mandate, IReadOnlyList<string>? ThematicPriorities, IReadOnlyList<string>? Regions = null,
        IReadOnlyList<KeyActivity>? KeyActivities = null, string? ResourcesUrl = null);

    public sealed record Command(string AgencyCode, [MultiLine] string Mandate, IReadOnlyList<string> ThematicPriorities,
        IReadOnlyList<string>? Regions = null, IReadOnlyList<KeyActivity>? KeyActivities = null, string? ResourcesUrl = null)
        : ICommand<AgencyProfile>, IOwnAgencyRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db, TimeProvider clock)
        {
            RuleFor(c => c.Mandate).NotNull().MaximumLength(4000);
            RuleFor(c => c.ThematicPriorities).NotNull().Must(p => p is null || p.Count <= 30).WithMessage("At most 30 thematic priorities.");
            RuleForEach(c => c.ThematicPriorities).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Regions).Must(r => r is null || r.Count <= 30).WithMessage("At most 30 regions.");
            RuleFor(c => c.KeyActivities).Must(a => a is null || a.Count <= 30).WithMessage("At most 30 key activities.");
            RuleForEach(c => c.KeyActivities).NotNull().ChildRules(activity =>
            {
                activity.RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
                activity.RuleFor(a => a.Year).InclusiveBetween(1990, clock.GetUtcNow().Year + 1).WithMessage("A year from 1990 to next year.");
                activity.RuleFor(a => a.Url).Must(BeWebAddress).WithMessage("A link is a full web address (https://…).");
            });
            RuleFor(c => c.ResourcesUrl).Must(BeWebAddress).MaximumLength(500).WithMessage("A link is a full web address (https://…).");
            // Themes and regions come from the lists the secretariat keeps, so that readers can filter by them.
            RuleFor(c => c).CustomAsync(async (command, context, ct) =>
            {
                var terms = await db.DirectoryTermsAsync(ct);
                var themes = (command.ThematicPriorities ?? []).Where(t => !string.IsNullOrWhiteSpace(t) && DirectoryTerms.Find(terms.Themes, t) is null).ToList();
                if (themes.Count > 0)
                {
                    context.AddFailure(nameof(Command.ThematicPriorities), $"Not among the group's themes: {string.Join(", ", themes)}. The themes are {string.Join(", ", terms.Themes)}.");
                }

                var regions = (command.Regions ?? []).Where(r => !string.IsNullOrWhiteSpace(r) && DirectoryTerms.Find(terms.Regions, r) is null).ToList();
                if (regions.Count > 0)
                {
                    context.AddFailure(nameof(Command.Regions), $"Not among the group's regions: {string.Join(", ", regions)}. The regions are {string.Join(", ", terms.Regions)}.");
                }
            });
        }

        private static bool BeWebAddress(string? url) =>
            string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) && address.Scheme is "https" or "http");
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, AgencyProfile>
    {
        public async Task<AgencyProfile> Handle(Command command, CancellationToken cancellationToken)
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == command.AgencyCode, cancellationToken)
                ?? throw new NotFoundException("agency", command.AgencyCode);
            var terms = await db.DirectoryTermsAsync(cancellationToken);
            agency.UpdateProfile(command.Mandate, command.ThematicPriorities.Select(t => DirectoryTerms.Find(terms.Themes, t) ?? t), me.AsActor(),
                command.Regions?.Select(r => DirectoryTerms.Find(terms.Regions, r) ?? r), command.KeyActivities, command.ResourcesUrl);
            await db.SaveChangesAsync(cancellationToken);
            return (await db.LoadProfileAsync(agency.Code, cancellationToken))!;
        }
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapPut("/{code}/profile", (string code, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(code, body.Mandate, body.ThematicPriorities ?? [], body.Regions, body.KeyActivities, body.ResourcesUrl), ct))
            .WithName("UpdateAgencyProfile")
            .WithSummary("Update an agency's profile")
            .WithDescription("Mandate, thematic priorities and regions (from `GET /api/directory-terms`; others → 400), key activities `[{title, year, url}]` and `resourcesUrl`. The agency's own focal points or the secretariat; anyone else → 403.");
}
