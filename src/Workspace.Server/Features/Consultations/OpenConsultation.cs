using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>The lead agency (or the secretariat) opens a revision of a draft to public comment until a deadline.</summary>
public static class OpenConsultation
{
    public sealed record Body(int? Revision, DateTimeOffset? Deadline);

    public sealed record Command(Guid PaperId, int? Revision, DateTimeOffset? Deadline) : ICommand<ConsultationView>, IPaperLeadRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.Deadline).NotNull()
                .Must(d => d > clock.GetUtcNow()).WithMessage("The deadline is in the future.")
                .Must(d => d <= clock.GetUtcNow().AddYears(1)).WithMessage("The deadline is within a year.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, ConsultationView>
    {
        public async Task<ConsultationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAloneAsync(command.PaperId, cancellationToken);
            if (paper.State is not (PaperState.Drafting or PaperState.InSignOff))
            {
                throw new RuleBrokenException("wrong-state", $"A draft is opened to public comment; this paper is {paper.State}.");
            }

            if (await db.Consultations.AnyAsync(c => c.PaperId == paper.Id && c.Status == ConsultationStatus.Open, cancellationToken))
            {
                throw new RuleBrokenException("consultation-open", "A consultation on this paper is open already; one at a time.");
            }

            // The revision's own query: a text that no longer matches the log is not put before the public.
            var revision = await mediator.Send(new GetRevision.Query(paper.Id, command.Revision!.Value), cancellationToken);
            var consultation = Consultation.Open(paper.Id, paper.Title, revision.Number, revision.ContentHash, paper.ParticipatingAgencyCodes,
                command.Deadline!.Value.UtcDateTime, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync(cancellationToken);
            return new ConsultationView(consultation.Id, paper.Id, consultation.Title, revision.Number, revision.ContentHash, revision.Body,
                consultation.Deadline.AsUtcInstant(), consultation.Status, []);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/consultations", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var opened = await mediator.Send(new Command(paperId, body.Revision, body.Deadline), ct);
                return TypedResults.Created($"/api/consultations/{opened.Id}", opened);
            })
            .WithTags("Consultations")
            .WithName("OpenConsultation")
            .WithSummary("Open a draft to public comment")
            .WithDescription("On `revision` of a paper in Drafting or InSignOff, until `deadline`. Lead agency or secretariat. The consultation is public (`GET /api/consultations/{id}`, no sign-in); one open per paper (409 `consultation-open`).");
}
