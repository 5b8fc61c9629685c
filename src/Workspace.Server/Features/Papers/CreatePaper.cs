using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Features.SignOffRules;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

public static class CreatePaper
{
    /// <param name="OriginalLanguage">The language the paper is negotiated and signed in (<c>en</c> when not given): its versions in other languages are tied to it.</param>
    public sealed record Command(string Title, PaperKind? Kind, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes, Guid? WorkingGroupId,
        string? OriginalLanguage = null)
        : ICommand<PaperView>, IOwnAgencyRequest
    {
        string IOwnAgencyRequest.AgencyCode => LeadAgencyCode;
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.OriginalLanguage).Must(OfficialLanguages.Contains).When(c => c.OriginalLanguage is not null)
                .WithMessage($"The original language is one of the six official languages: {string.Join(", ", OfficialLanguages.Codes)}.");
            RuleFor(c => c.LeadAgencyCode).NotEmpty()
                .MustBeMember(db).WithMessage("The lead must be a member agency.");
            RuleFor(c => c.ParticipatingAgencyCodes).NotNull()
                .Must(codes => codes.Count <= 500).WithMessage("At most 500 participating agencies.")
                .MustAllBeMembers(db)
                .WithMessage("Every participating agency must be a member.");
            RuleFor(c => c.WorkingGroupId)
                .MustAsync((id, ct) => db.WorkingGroups.AnyAsync(g => g.Id == id, ct)).When(c => c.WorkingGroupId is not null)
                .WithMessage("No such working group.");
            RuleFor(c => c.WorkingGroupId)
                .MustAsync(async (c, id, ct) => id is not null || (await db.RuleForAsync(c.Kind!.Value, ct)).Signers != Signers.WorkingGroup)
                .When(c => c.Kind is { } kind && Enum.IsDefined(kind))
                .WithMessage(c => $"A paper of kind {c.Kind} is signed off by a working group's members: name the working group.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, PaperAccess access, TimeProvider clock) : IRequestHandler<Command, PaperView>
    {
        public async Task<PaperView> Handle(Command command, CancellationToken cancellationToken)
        {
            // The paper takes the rule of its kind: the agencies that must sign take part from the start.
            var rule = await db.RuleForAsync(command.Kind!.Value, cancellationToken);
            var participants = await db.SignersAsync(rule, command.WorkingGroupId, [.. command.ParticipatingAgencyCodes.Append(command.LeadAgencyCode)], cancellationToken);
            var paper = Paper.Create(command.Title, command.Kind.Value, command.LeadAgencyCode, participants,
                command.WorkingGroupId, me.AsActor(), clock.GetUtcNow().UtcDateTime, originalLanguage: command.OriginalLanguage ?? "en");
            db.Papers.Add(paper);
            await db.SaveChangesAsync(cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/papers/{created.Id}", created);
            })
            .WithName("CreatePaper")
            .WithSummary("Start a paper")
            .WithDescription("A title, a kind, the lead agency and the participating agencies (the lead always participates). The sign-off rule of the kind adds the agencies that must sign (every member, or the working group's members: then `workingGroupId` is required). Only the lead agency's focal points or the secretariat. `originalLanguage` (one of `en`, `fr`, `es`, `ru`, `zh`, `ar`; `en` when left out) is the language it is negotiated and signed in. The paper starts in Drafting with no revision.");
}
