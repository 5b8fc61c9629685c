using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>The secretariat publishes a signed-off paper: it becomes public, exactly as approved.</summary>
public static class PublishPaper
{
    public sealed record Body(string Summary, IReadOnlyList<string>? Tags);

    public sealed record Command(Guid PaperId, [MultiLine] string Summary, IReadOnlyList<string> Tags) : ICommand<PaperView>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Summary).NotEmpty().MaximumLength(2_000);
            RuleFor(c => c.Tags).NotNull().Must(t => t.Count <= 20).WithMessage("At most 20 tags.");
            RuleForEach(c => c.Tags).NotEmpty().MaximumLength(60);
            // Tags are the themes and regions the secretariat lists, so that a typo never makes a filter of its own.
            RuleFor(c => c).CustomAsync(async (command, context, ct) =>
            {
                var terms = await db.DirectoryTermsAsync(ct);
                var unknown = (command.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t) && Listed(terms, t) is null).ToList();
                if (unknown.Count > 0)
                {
                    context.AddFailure(nameof(Command.Tags),
                        $"Not among the group's themes and regions: {string.Join(", ", unknown)}. The tags are {string.Join(", ", terms.Regions.Concat(terms.Themes))}.");
                }
            });
        }
    }

    /// <summary>The listed spelling of a tag among the directory's regions and themes, or null.</summary>
    internal static string? Listed(Domain.DirectoryTerms terms, string tag) => Domain.DirectoryTerms.Find(terms.Regions.Concat(terms.Themes), tag);

    internal sealed class Handler(WorkspaceDb db, PaperAccess access, TimeProvider clock, ILogger<Handler> logger, ICurrentUser me) : IRequestHandler<Command, PaperView>
    {
        public async Task<PaperView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            // The text is read in the same transaction that publishes it, and must hash to what was signed.
            var approvedRevision = paper.CurrentRound?.RevisionNumber ?? paper.LatestRevisionNumber;
            var text = await db.Revisions.Where(r => r.PaperId == paper.Id && r.Number == approvedRevision)
                .Select(r => r.Body).SingleOrDefaultAsync(cancellationToken) ?? "";
            // And to what the log, outside the reach of whoever can edit the tables, says every agency approved.
            Domain.Papers.PaperWorkflow.Ensure(paper.State, Domain.Papers.PaperAction.Publish);
            var log = await PaperLog.ReadAsync(db, paper.Id, cancellationToken);
            log.EnsureRevision(approvedRevision, text, logger);
            if (log.ApprovedHash != Domain.Papers.Revision.HashOf(text))
            {
                throw new RuleBrokenException("content-mismatch", "The text to publish is not the text the event log records every agency as having approved.");
            }

            var terms = await db.DirectoryTermsAsync(cancellationToken);
            // The versions the rule of the kind asks for must stand confirmed against the signed text.
            var rule = await SignOffRules.SignOffRuleLoading.RuleForAsync(db, paper.Kind, cancellationToken);
            paper.Publish(command.Summary, [.. command.Tags.Select(t => Listed(terms, t) ?? t)], text, me.AsActor(), clock.GetUtcNow().UtcDateTime, rule.RequiredLanguages);
            await db.SaveChangesAsync(cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/publish", (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(paperId, body.Summary, body.Tags ?? []), ct))
            .WithName("PublishPaper")
            .WithSummary("Publish a signed-off paper (secretariat)")
            .WithDescription("With a `summary` and `tags`: regions and themes from the secretariat's lists (`GET /api/directory-terms`), matched whatever their case; any other is a 400. Only from SignedOff (else 409 `wrong-state`); the published text is checked, in the same transaction, to be exactly the approved revision. Where the rule of the kind names `requiredLanguages`, each version must be confirmed against the signed revision: else 409 `languages-missing` naming them in `languages`.");
}
