using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public sealed record LanguageReviewersView(string Language, IReadOnlyList<string> Emails, DateTimeOffset? ChangedAt, string? ChangedBy);

/// <summary>The secretariat names who checks the versions in a language: people of any member agency.</summary>
public static class ChangeLanguageReviewers
{
    public sealed record Request(IReadOnlyList<string>? Emails);

    public sealed record Command(string Language, IReadOnlyList<string>? Emails) : ICommand<LanguageReviewersView>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Language).Must(OfficialLanguages.Contains)
                .WithMessage($"Reviewers are named for one of the six official languages: {string.Join(", ", OfficialLanguages.Codes)}.");
            RuleFor(c => c.Emails).NotNull().Must(e => e!.Count <= 100).WithMessage("At most 100 reviewers per language.");
            RuleForEach(c => c.Emails).NotEmpty().MaximumLength(256);
            RuleFor(c => c.Emails).CustomAsync(async (emails, context, ct) =>
            {
                var wanted = (emails ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var normalized = wanted.Select(e => e.ToUpperInvariant()).ToList();
                var known = (await db.Users.AsNoTracking().Where(p => normalized.Contains(p.NormalizedEmail!)).Select(p => new { p.NormalizedEmail, p.AgencyCode }).ToListAsync(ct))
                    .Where(p => p.AgencyCode.Length > 0).Select(p => p.NormalizedEmail!).ToList();
                var unknown = wanted.Where(e => !known.Contains(e.ToUpperInvariant(), StringComparer.Ordinal)).ToList();
                if (unknown.Count > 0)
                {
                    context.AddFailure(nameof(Command.Emails), $"Not a person of a member agency: {string.Join(", ", unknown)}.");
                }
            }).When(c => c.Emails is not null);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, LanguageReviewersView>
    {
        public async Task<LanguageReviewersView> Handle(Command command, CancellationToken cancellationToken)
        {
            var reviewers = await db.LanguageReviewers.SingleOrDefaultAsync(r => r.Language == command.Language, cancellationToken);
            if (reviewers is null)
            {
                reviewers = new LanguageReviewers(command.Language);
                db.LanguageReviewers.Add(reviewers);
            }

            reviewers.Change(command.Emails!.Where(e => !string.IsNullOrWhiteSpace(e)), me.AsActor(), clock.GetUtcNow().UtcDateTime);
            // Who may confirm the texts the group publishes is the secretariat's record, in the log.
            db.Record(DomainEvent.Of(new LanguageReviewersChanged(reviewers.Language, [.. reviewers.Emails]), new Subject("language", reviewers.Language), Audience.Agencies([]))
                with
            { Actor = me.Actor });
            await db.SaveChangesAsync(cancellationToken);
            return new LanguageReviewersView(reviewers.Language, reviewers.Emails, reviewers.ChangedAt?.AsUtcInstant(), reviewers.ChangedBy);
        }
    }
}

public static class ListLanguageReviewers
{
    public sealed record Query : IQuery<IReadOnlyList<LanguageReviewersView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<LanguageReviewersView>>
    {
        public async Task<IReadOnlyList<LanguageReviewersView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var named = await db.LanguageReviewers.AsNoTracking().ToDictionaryAsync(r => r.Language, cancellationToken);
            return [.. OfficialLanguages.Codes.Select(l => named.TryGetValue(l, out var r)
                ? new LanguageReviewersView(l, r.Emails, r.ChangedAt?.AsUtcInstant(), r.ChangedBy)
                : new LanguageReviewersView(l, [], null, null))];
        }
    }
}

internal static class LanguageReviewersRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        var reviewers = api.MapGroup("/language-reviewers").WithTags("Papers");
        reviewers.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListLanguageReviewers.Query(), ct))
            .WithName("ListLanguageReviewers")
            .WithSummary("Who reviews the versions in each language")
            .WithDescription("Every official language with the addresses of its reviewers (possibly none). Signed-in people.");
        reviewers.MapPut("/{language}", (string language, ChangeLanguageReviewers.Request body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ChangeLanguageReviewers.Command(language, body.Emails), ct))
            .WithName("ChangeLanguageReviewers")
            .WithSummary("Name the reviewers of a language (secretariat)")
            .WithDescription("`emails`: people of any member agency (unknown → 400). They confirm versions in that language against the original, or send them back. A reviewer acts on papers they may see.");
    }
}
