using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// A participant (or the secretariat) saves the next text of the paper's version in another official language, written
/// on top of the version's latest and translating the original's latest revision.
/// </summary>
public static class AddVersionRevision
{
    public sealed record Request(int? BasedOnRevision, int? BaseRevision, string Body);

    public sealed record Command(Guid PaperId, string Language, int? BasedOnRevision, int? BaseRevision, [MultiLine] string Body)
        : ICommand<Created>, IPaperTranslatorRequest;

    public sealed record Created(string Language, int Revision, string ContentHash, int BasedOnRevision, string BasedOnHash);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Language).Must(OfficialLanguages.Contains)
                .WithMessage($"A version is in one of the six official languages: {string.Join(", ", OfficialLanguages.Codes)}.");
            RuleFor(c => c.BasedOnRevision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.BaseRevision).NotNull().GreaterThanOrEqualTo(0);
            RuleFor(c => c.Body).NotEmpty().MaximumLength(AddRevision.MaxBodyLength);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, Created>
    {
        public async Task<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            // The language's reviewers who may see the paper are asked to check the new text.
            var reviewers = (await db.ReviewersOfAsync(command.Language, cancellationToken)).Select(e => e.ToUpperInvariant()).ToList();
            var people = await db.Users.AsNoTracking().Where(p => reviewers.Contains(p.NormalizedEmail!))
                .Select(p => new { p.Email, p.AgencyCode, Secretariat = db.UserRoles.Any(r => r.UserId == p.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Secretariat)) })
                .ToListAsync(cancellationToken);
            var asked = people.Where(p => p.Secretariat || paper.IsParticipant(p.AgencyCode!)).Select(p => new Actor(p.Email!.ToLowerInvariant(), p.AgencyCode!)).ToList();
            var revision = paper.AddVersionRevision(command.Language, command.BasedOnRevision!.Value, command.BaseRevision!.Value, command.Body, me.AsActor(),
                clock.GetUtcNow().UtcDateTime, asked);
            db.VersionRevisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);
            return new Created(revision.Language, revision.Number, revision.ContentHash, revision.BasedOnRevision, revision.BasedOnHash);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/versions/{language}/revisions", async (Guid paperId, string language, Request body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(paperId, language, body.BasedOnRevision, body.BaseRevision, body.Body), ct);
                return TypedResults.Created($"/api/papers/{paperId}/versions/{language}/revisions/{created.Revision}", created);
            })
            .WithName("AddVersionRevision")
            .WithSummary("Save a version of the paper in another official language")
            .WithDescription("Markdown `body` in `language` (one of `en`, `fr`, `es`, `ru`, `zh`, `ar`, not the paper's original: 400), written on top of the version's revision `baseRevision` (0 for the first; not its latest → 409 `stale-revision` with `currentRevision`) and translating the original's revision `basedOnRevision`, which must be its latest (else 409 `stale-original` with `currentRevision`). The version is bound to that revision's hash and waits for a reviewer of the language. Participants and the secretariat; not once the paper is withdrawn.");
}
