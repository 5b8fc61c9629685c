using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.SignOffRules;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The lead (or the secretariat) asks every agency the rule of the paper's kind names to sign off on the latest
/// revision by a deadline; the round records that rule and, if it asks for clearance, each agency's chain.
/// </summary>
public static class OpenRound
{
    public sealed record Body(int? Revision, Procedure? Procedure, DateTimeOffset? Deadline);

    public sealed record Command(Guid PaperId, int? Revision, Procedure? Procedure, DateTimeOffset? Deadline) : ICommand<RoundView>, IPaperLeadRequest, IReadsProjections;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db, TimeProvider clock, IOptions<SignOffOptions> options)
        {
            RuleFor(c => c.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.Procedure).IsInEnum();
            RuleFor(c => c.Deadline).NotNull()
                .Must(deadline => deadline > clock.GetUtcNow())
                .WithMessage("The deadline is in the future.")
                .Must(deadline => deadline <= clock.GetUtcNow().AddYears(1))
                .WithMessage("The deadline is within a year.");
            // The longer of the deployment's notice and the rule's for the paper's kind.
            RuleFor(c => c.Deadline).CustomAsync(async (deadline, context, ct) =>
            {
                var notice = await NoticeAsync(db, context.InstanceToValidate.PaperId, options.Value, ct);
                if (notice > TimeSpan.Zero && deadline > clock.GetUtcNow() && deadline <= clock.GetUtcNow() + notice)
                {
                    context.AddFailure(nameof(Command.Deadline), $"The deadline is at least {Describe(notice)} from now.");
                }
            });
        }

        private static async Task<TimeSpan> NoticeAsync(WorkspaceDb db, Guid paperId, SignOffOptions options, CancellationToken ct)
        {
            var kind = await db.Papers.AsNoTracking().Where(p => p.Id == paperId).Select(p => (PaperKind?)p.Kind).SingleOrDefaultAsync(ct);
            var rule = kind is null ? TimeSpan.Zero : (await db.RuleForAsync(kind.Value, ct)).MinimumNotice;
            return rule > options.MinimumNotice ? rule : options.MinimumNotice;
        }

        private static string Describe(TimeSpan notice) =>
            notice.TotalHours >= 24 && notice.TotalHours % 24 == 0
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{notice.TotalDays:0} days")
                : notice.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock, IOptions<SignOffOptions> options)
        : IRequestHandler<Command, RoundView>
    {
        /// <summary>How the matrix is kept with the round (as the API writes it).</summary>
        internal static readonly System.Text.Json.JsonSerializerOptions Matrix = new(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };

        public async Task<RoundView> Handle(Command command, CancellationToken cancellationToken)
        {
            var paper = await db.LoadAsync(command.PaperId, cancellationToken);
            var rule = await db.RuleForAsync(paper.Kind, cancellationToken);
            var signers = await db.SignersAsync(rule, paper.WorkingGroupId, paper.ParticipatingAgencyCodes, cancellationToken);
            var chains = rule.ClearanceRequired
                ? (await db.ClearanceChains.AsNoTracking().Where(c => signers.Contains(c.AgencyCode)).ToListAsync(cancellationToken))
                    .Where(c => c.Steps.Count > 0).ToDictionary(c => c.AgencyCode, c => (IReadOnlyList<ClearanceStep>)c.Steps)
                : [];
            var round = paper.OpenRound(command.Revision!.Value, command.Procedure ?? rule.Procedure, command.Deadline!.Value.UtcDateTime,
                me.AsActor(), clock.GetUtcNow().UtcDateTime, options.Value.ReminderHours, rule.Terms(signers, chains));
            round.FreezeDispositions(System.Text.Json.JsonSerializer.Serialize(await GetDispositions.ReadAsync(db, paper.Id, cancellationToken), Matrix));
            await db.SaveChangesAsync(cancellationToken);
            return RoundView.Of(round);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapPost("/{paperId:guid}/rounds", async (Guid paperId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var round = await mediator.Send(new Command(paperId, body.Revision, body.Procedure, body.Deadline), ct);
                return TypedResults.Created($"/api/papers/{paperId}", round);
            })
            .WithName("OpenRound")
            .WithSummary("Open a sign-off round")
            .WithDescription("On the latest `revision`, by `procedure` (Unanimous or Silence; by default the rule's for the paper's kind), with a `deadline` in the future and at least the rule's minimum notice away. Lead agency or secretariat; the paper goes to InSignOff and every agency the rule names is asked (joining the paper if it did not take part yet), each clearing inside first when the rule requires it.");
}
