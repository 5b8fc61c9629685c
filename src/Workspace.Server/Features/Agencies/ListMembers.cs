using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>The public member directory, as the group's website shows it: no sign-in, no people.</summary>
public static class ListMembers
{
    /// <param name="Theme">Only members that name this thematic priority.</param>
    /// <param name="Region">Only members that work in this region (or globally).</param>
    public sealed record Query(string? Theme = null, string? Region = null) : IQuery<IReadOnlyList<MemberEntry>>, IPublicRequest;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(q => q).CustomAsync(async (query, context, ct) =>
            {
                var terms = await db.DirectoryTermsAsync(ct);
                if (!string.IsNullOrWhiteSpace(query.Theme) && DirectoryTerms.Find(terms.Themes, query.Theme) is null)
                {
                    context.AddFailure("theme", $"No such theme; the themes are {string.Join(", ", terms.Themes)}.");
                }

                if (!string.IsNullOrWhiteSpace(query.Region) && DirectoryTerms.Find(terms.Regions, query.Region) is null)
                {
                    context.AddFailure("region", $"No such region; the regions are {string.Join(", ", terms.Regions)}.");
                }
            });
        }
    }

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<MemberEntry>>
    {
        public async Task<IReadOnlyList<MemberEntry>> Handle(Query query, CancellationToken cancellationToken)
        {
            // A few dozen members: filtered here, by the terms' listed spelling, on every engine alike.
            var members = await db.Agencies.AsNoTracking().OrderBy(a => a.Name)
                .Select(a => new MemberEntry(a.Code, a.Name, a.Mandate, a.ThematicPriorities, a.Regions)).ToListAsync(cancellationToken);
            return [.. members
                .Where(m => string.IsNullOrWhiteSpace(query.Theme) || DirectoryTerms.Find(m.ThematicPriorities!, query.Theme) is not null)
                .Where(m => string.IsNullOrWhiteSpace(query.Region) || DirectoryTerms.Find(m.Regions!, query.Region) is not null || DirectoryTerms.Find(m.Regions!, "Global") is not null)];
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/members", (string? theme, string? region, IMediator mediator, CancellationToken ct) => mediator.Send(new Query(theme, region), ct))
            .AllowAnonymous()
            .WithTags("Membership")
            .WithName("ListMembers")
            .WithSummary("Public member directory")
            .WithDescription("Every member organization with its mandate, thematic priorities and regions; `theme` and `region` (from `GET /api/directory-terms`) keep those that name them (a member working globally is in every region). An unknown theme or region → 400. No sign-in needed.");
}
