using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Papers;
using Workspace.Server.Features.SignOffRules;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Reports;

/// <summary>
/// A co-chair (or the secretariat) has the co-chairs' report of a period drafted from the record: a paper of kind
/// AnnualReport led by a co-chair agency of the period, revision 1 the generated text, then drafted, signed off
/// and published like any other.
/// </summary>
public static class DraftAnnualReport
{
    public sealed record Command(DateOnly? From, DateOnly? To) : ICommand<PaperView>, ICoChairOrSecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.From).NotNull();
            RuleFor(c => c.To).NotNull()
                .GreaterThanOrEqualTo(c => c.From).When(c => c.From is not null).WithMessage("The period ends on or after its first day.")
                .Must((c, to) => c.From is null || to!.Value.DayNumber - c.From.Value.DayNumber <= 731).WithMessage("A report covers at most two years.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, PaperAccess access, TimeProvider clock, IOptions<GroupOptions> group)
        : IRequestHandler<Command, PaperView>
    {
        public async Task<PaperView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (from, to) = (command.From!.Value, command.To!.Value);
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var now = clock.GetUtcNow().UtcDateTime;

            var terms = await db.CoChairTerms.AsNoTracking().Where(t => t.From <= to && t.To >= from).OrderBy(t => t.From)
                .Select(t => new { t.FirstAgencyCode, t.SecondAgencyCode, t.From, t.To }).ToListAsync(cancellationToken);
            if (terms.Count == 0)
            {
                throw new RuleBrokenException("no-cochair-term", "No co-chair term is recorded in this period: the report is the co-chairs'.");
            }

            var published = await db.Papers.AsNoTracking()
                .Where(p => p.State == PaperState.Published && p.PublishedAt >= start && p.PublishedAt < end)
                .Select(p => new AnnualReport.Published(p.Title, p.Kind, p.PublishedAt!.Value, p.SignatoryAgencyCodes, p.WorkingGroupId))
                .ToListAsync(cancellationToken);
            var held = (await db.Meetings.AsNoTracking()
                    .Where(m => m.Status == MeetingStatus.Scheduled && m.StartsAt >= start && m.StartsAt < end && m.StartsAt <= now)
                    .Select(m => new { m.Title, m.Kind, m.StartsAt, m.TimeZone, m.WorkingGroupId })
                    .ToListAsync(cancellationToken))
                .Select(m => new AnnualReport.Held(m.Title, m.Kind.ToString(), m.StartsAt, MeetingZones.City(MeetingZones.Described(m.TimeZone)), m.WorkingGroupId))
                .ToList();
            var consulted = await db.Consultations.AsNoTracking().Where(c => c.OpenedAt >= start && c.OpenedAt < end)
                .Select(c => new AnnualReport.Consulted(c.Title, c.OpenedAt, c.Deadline,
                    db.ConsultationComments.Count(x => x.ConsultationId == c.Id && x.Status != Domain.Consultations.CommentStatus.Unconfirmed),
                    db.ConsultationComments.Count(x => x.ConsultationId == c.Id && x.Status == Domain.Consultations.CommentStatus.Approved)))
                .ToListAsync(cancellationToken);
            var groups = await db.WorkingGroups.AsNoTracking().Select(g => new AnnualReport.Group(g.Id, g.Name, g.LeadAgencyCode)).ToListAsync(cancellationToken);

            var coChairs = terms.SelectMany(t => new[] { t.FirstAgencyCode, t.SecondAgencyCode }).Distinct().ToList();
            // Led by the caller's agency when it co-chaired in the period, else by the period's first co-chair.
            var lead = coChairs.Contains(me.AgencyCode) ? me.AgencyCode : coChairs[0];
            var rule = await db.RuleForAsync(PaperKind.AnnualReport, cancellationToken);
            var participants = await db.SignersAsync(rule, null, [.. coChairs.Append(group.Value.SecretariatAgencyCode)], cancellationToken);
            var paper = Paper.Create(AnnualReport.Title(from, to), PaperKind.AnnualReport, lead, participants, null, me.AsActor(), now);
            var body = AnnualReport.Compose(from, to, [.. terms.Select(t => (t.FirstAgencyCode, t.SecondAgencyCode, t.From, t.To))], published, held, groups, consulted);
            db.Revisions.Add(paper.AddRevision(0, body, me.AsActor(), now));
            db.Papers.Add(paper);
            await db.SaveChangesAsync(cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/reports/annual", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var paper = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/papers/{paper.Id}", paper);
            })
            .WithTags("Papers")
            .WithName("DraftAnnualReport")
            .WithSummary("Draft the co-chairs' report of a period")
            .WithDescription("`from` and `to` (dates; a calendar year or a term, at most two years). A co-chair or the secretariat. Answers 201 with a new AnnualReport paper, led by a co-chair agency of the period, with the co-chairs and the secretariat taking part, and revision 1 drafted from the record: the co-chairs, the papers published (with their signatories), the meetings held, the public consultations and the comments they received, the working groups' work. No co-chair term in the period → 409 `no-cochair-term`.");
}
