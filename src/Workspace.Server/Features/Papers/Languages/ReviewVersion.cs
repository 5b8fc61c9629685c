using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// A reviewer of the language confirms a version against the exact original it translates ("checked against revision 4,
/// sha256:…"), or sends it back with a reason. The log records which texts, by hash.
/// </summary>
public static class ReviewVersion
{
    public sealed record Request(int? Revision, string? ContentHash, string? BasedOnHash, VersionDecision? Decision, string? Reason);

    public sealed record Command(Guid PaperId, string Language, int? Revision, string? ContentHash, string? BasedOnHash, VersionDecision? Decision, [MultiLine] string? Reason)
        : ICommand<VersionView>, ILanguageReviewerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.ContentHash).MustBeContentHash();
            RuleFor(c => c.BasedOnHash).MustBeContentHash();
            RuleFor(c => c.Decision).NotNull().IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision == VersionDecision.SendBack).WithMessage("Sending a version back says why.");
            RuleFor(c => c.Reason).MaximumLength(10_000);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, VersionView>
    {
        public async Task<VersionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            paper.ReviewVersion(command.Language, command.Revision!.Value, command.ContentHash!, command.BasedOnHash!, command.Decision!.Value, command.Reason,
                me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return VersionView.Of(paper.VersionIn(command.Language)!);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/versions/{language}/review", (Guid paperId, string language, Request body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(paperId, language, body.Revision, body.ContentHash, body.BasedOnHash, body.Decision, body.Reason), ct))
            .WithName("ReviewVersion")
            .WithSummary("Confirm a language version against the original, or send it back")
            .WithDescription("The language's reviewers only (others 403). Names the version's latest `revision` and `contentHash` and the original's `basedOnHash` it translates; any other → 409 `stale-version`; a version of an older original → 409 `version-out-of-date`. `decision`: Confirm or SendBack (with a `reason`, else 400). Answers the version's new view.");
}
