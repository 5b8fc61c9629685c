using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>An agency sets how it clears texts inside (focal point → legal → head). Open rounds keep the chain they opened with.</summary>
public static class ChangeClearanceChain
{
    public sealed record Body(IReadOnlyList<ClearanceStepView>? Steps);

    public sealed record Command(string AgencyCode, IReadOnlyList<ClearanceStepView>? Steps) : ICommand<ClearanceChainView>, IOwnAgencyRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Steps).NotNull().Must(s => s is null || s.Count <= ClearanceChain.MaxSteps)
                .WithMessage($"A clearance chain has at most {ClearanceChain.MaxSteps} steps.")
                .Must(s => s is null || s.Where(x => x?.Name is not null).Select(x => x.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == s.Count)
                .WithMessage("Each step has its own name.");
            RuleForEach(c => c.Steps).NotNull().ChildRules(step =>
            {
                step.RuleFor(s => s.Name).NotEmpty().MaximumLength(100);
                step.RuleFor(s => s.Emails).NotEmpty().WithMessage("Name who holds the step.")
                    .Must(e => e is null || e.Count <= 20).WithMessage("At most 20 people hold a step.");
                step.RuleForEach(s => s.Emails).NotEmpty().MaximumLength(256).EmailAddress();
            });
            RuleFor(c => c.Steps).CustomAsync(async (steps, context, ct) =>
            {
                var emails = (steps ?? []).Where(s => s?.Emails is not null).SelectMany(s => s.Emails).Where(e => !string.IsNullOrWhiteSpace(e))
                    .Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
                var agency = context.InstanceToValidate.AgencyCode;
                var known = await db.Users.Where(p => emails.Contains(p.NormalizedEmail!) && p.AgencyCode == agency).Select(p => p.NormalizedEmail!).ToListAsync(ct);
                var strangers = emails.Except(known).Select(e => e.ToLowerInvariant()).ToList();
                if (strangers.Count > 0)
                {
                    context.AddFailure(nameof(Command.Steps), $"Steps are held by people of {agency} with an account here; not: {string.Join(", ", strangers)}.");
                }
            });
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, ClearanceChainView>
    {
        public async Task<ClearanceChainView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Agencies.AnyAsync(a => a.Code == command.AgencyCode, cancellationToken))
            {
                throw new NotFoundException("agency", command.AgencyCode);
            }

            var chain = await db.ClearanceChains.SingleOrDefaultAsync(c => c.AgencyCode == command.AgencyCode, cancellationToken);
            if (chain is null)
            {
                chain = ClearanceChain.For(command.AgencyCode);
                db.ClearanceChains.Add(chain);
            }

            var people = await db.Users.Where(p => p.AgencyCode == command.AgencyCode).Select(p => p.Email!).ToListAsync(cancellationToken);
            chain.Change(command.Steps!.Select(s => new ClearanceStep(s.Name, s.Emails)), people, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return ClearanceChainView.Of(command.AgencyCode, chain);
        }
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapPut("/{code}/clearance-chain", async (string code, Body body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Command(code, body.Steps), ct))
            .WithName("ChangeClearanceChain")
            .WithSummary("Set an agency's internal clearance chain")
            .WithDescription("`steps` in order, each with a `name` and the `emails` of the agency's people who hold it (any one clears it); up to 10 steps; none: the focal points' word counts as it is. The agency's own focal points or the secretariat. Rounds already open keep the chain they opened with.");
}
