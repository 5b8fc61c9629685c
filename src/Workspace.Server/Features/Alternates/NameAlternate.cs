using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Alternates;

/// <summary>A person names a colleague of their own agency to act for them for a period; it replaces any alternate named before.</summary>
public static class NameAlternate
{
    public sealed record Command(string? Email, DateTimeOffset? From, DateTimeOffset? To) : ICommand<MyAlternateView>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db, ICurrentUser me, TimeProvider clock)
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
            RuleFor(c => c.Email)
                .MustAsync(async (email, ct) =>
                {
                    var normalized = email!.Trim().ToUpperInvariant();
                    return await db.Users.AnyAsync(p => p.NormalizedEmail == normalized && p.AgencyCode == me.AgencyCode, ct);
                })
                .When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage(_ => $"Your alternate is a person of {me.AgencyCode} with an account here.")
                .Must(email => !string.Equals(email!.Trim(), me.Email, StringComparison.OrdinalIgnoreCase))
                .When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("Your alternate is someone else.");
            RuleFor(c => c.From).NotNull();
            RuleFor(c => c.To).NotNull()
                .GreaterThan(c => c.From).When(c => c.From is not null).WithMessage("The period ends after it starts.")
                .Must(to => to > clock.GetUtcNow()).WithMessage("The period ends in the future.")
                .Must((c, to) => c.From is null || to - c.From <= TimeSpan.FromDays(366)).WithMessage("A period lasts at most a year.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock) : IRequestHandler<Command, MyAlternateView>
    {
        public async Task<MyAlternateView> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var mine = me.Email.ToLowerInvariant();
            foreach (var earlier in await db.Alternates.Where(a => a.PersonEmail == mine && a.EndedAt == null && a.To > now).ToListAsync(cancellationToken))
            {
                earlier.End(me.AsActor(), now);
            }

            var email = command.Email!.Trim().ToLowerInvariant();
            var normalized = email.ToUpperInvariant();
            var agency = await db.Users.Where(p => p.NormalizedEmail == normalized).Select(p => p.AgencyCode).SingleAsync(cancellationToken);
            db.Alternates.Add(Domain.Alternate.Name(me.AsActor(), email, agency, command.From!.Value.UtcDateTime, command.To!.Value.UtcDateTime, now));
            await db.SaveChangesAsync(cancellationToken);
            return await MyAlternateView.ForAsync(db, me.Email, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPut("/alternate", async (Command body, IMediator mediator, CancellationToken ct) => await mediator.Send(body, ct))
            .WithName("NameAlternate")
            .WithSummary("Name my alternate for a period")
            .WithDescription("`email` of a colleague of my own agency, `from` and `to` (RFC 3339; at most a year, ending in the future). Replaces any alternate named before. While the period holds they may act for me (`onBehalfOf` on sign-offs and clearance steps); the records name us both.");
}
