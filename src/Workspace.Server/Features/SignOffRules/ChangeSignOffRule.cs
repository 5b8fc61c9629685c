using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.SignOffRules;

/// <summary>The secretariat sets the rule of a kind of paper. Open rounds keep the rule they opened under.</summary>
public static class ChangeSignOffRule
{
    public sealed record Body(Signers? Signers, IReadOnlyList<string>? AgencyCodes, Procedure? Procedure, TimeSpan? MinimumNotice, bool? ClearanceRequired,
        IReadOnlyList<string>? RequiredLanguages = null);

    public sealed record Command(PaperKind? PaperKind, Signers? Signers, IReadOnlyList<string> AgencyCodes, Procedure? Procedure, TimeSpan? MinimumNotice, bool? ClearanceRequired,
        IReadOnlyList<string>? RequiredLanguages = null)
        : ICommand<SignOffRuleView>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.PaperKind).NotNull().IsInEnum().WithMessage("There is no such kind of paper.");
            RuleFor(c => c.Signers).NotNull().IsInEnum();
            RuleFor(c => c.AgencyCodes).NotEmpty().When(c => c.Signers == Signers.Named).WithMessage("Name the agencies that must sign.");
            RuleFor(c => c.AgencyCodes).Must(codes => codes is null || codes.Count <= 500).WithMessage("At most 500 agencies.")
                .MustAllBeMembers(db).WithMessage("Every agency named must be a member.");
            RuleFor(c => c.Procedure).NotNull().IsInEnum();
            RuleFor(c => c.MinimumNotice).NotNull()
                .Must(notice => notice >= TimeSpan.Zero && notice <= TimeSpan.FromDays(90)).WithMessage("The minimum notice is between none and 90 days.");
            RuleFor(c => c.ClearanceRequired).NotNull();
            RuleFor(c => c.RequiredLanguages).Must(languages => languages is null || languages.All(OfficialLanguages.Contains))
                .WithMessage($"Each required language is one of the six official languages: {string.Join(", ", OfficialLanguages.Codes)}.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, SignOffRuleView>
    {
        public async Task<SignOffRuleView> Handle(Command command, CancellationToken cancellationToken)
        {
            var rule = await db.SignOffRules.SingleOrDefaultAsync(r => r.Kind == command.PaperKind, cancellationToken);
            if (rule is null)
            {
                rule = SignOffRule.Default(command.PaperKind!.Value);
                db.SignOffRules.Add(rule);
            }

            rule.Change(command.Signers!.Value, command.AgencyCodes ?? [], command.Procedure!.Value, command.MinimumNotice!.Value, command.ClearanceRequired!.Value,
                me.AsActor(), clock.GetUtcNow().UtcDateTime, command.RequiredLanguages ?? rule.RequiredLanguages);
            await db.SaveChangesAsync(cancellationToken);
            return SignOffRuleView.Of(rule);
        }
    }

    public static void Map(RouteGroupBuilder rules) =>
        rules.MapPut("/{paperKind}", async (string paperKind, Body body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Command(Enum.TryParse<PaperKind>(paperKind, ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : (PaperKind)(-1),
                    body.Signers, body.AgencyCodes ?? [], body.Procedure, body.MinimumNotice, body.ClearanceRequired, body.RequiredLanguages), ct))
            .WithName("ChangeSignOffRule")
            .WithSummary("Set the sign-off rule of a kind of paper")
            .WithDescription("Secretariat. `signers`: AllMembers, WorkingGroup, Participants or Named (with `agencyCodes`); `procedure`: the default of a new round; `minimumNotice` (d.hh:mm:ss, up to 90 days); `clearanceRequired`; `requiredLanguages`: the official languages (`fr`, `es`, `ru`, `zh`, `ar`, `en`) besides a paper's original whose versions must be confirmed against the signed text before it is published (left out: kept as it was). New papers and new rounds take it; open rounds keep theirs.");
}
