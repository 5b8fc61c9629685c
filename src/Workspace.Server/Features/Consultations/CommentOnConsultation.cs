using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>
/// Anyone comments on an open consultation, without an account. The comment waits until its author follows the
/// link mailed to them; then it goes to the moderators. A filled-in honeypot field is thanked and forgotten.
/// </summary>
public static class CommentOnConsultation
{
    public const int PerConsultationPerHour = 200;
    public const int PerAddressPerDay = 10;

    public sealed record Body(string? Name, string? Organization, string? Email, string? Text, string? Section, string? Website);

    public sealed record Command(Guid ConsultationId, string? Name, string? Organization, string? Email, [MultiLine] string? Text, string? Section, string? Website)
        : ICommand<Received>, IPublicRequest;

    /// <summary>What the author is told; never whether the comment was kept.</summary>
    public sealed record Received(string Status, string Message);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Organization).MaximumLength(200);
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
            RuleFor(c => c.Text).NotEmpty().MaximumLength(Domain.Consultations.Consultation.MaxTextLength);
            RuleFor(c => c.Section).MaximumLength(200);
            RuleFor(c => c.Website).MaximumLength(500);
        }
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, ConsultationNotices notices, PublicCommentThrottle throttle, IHttpContextAccessor http)
        : IRequestHandler<Command, Received>
    {
        private static readonly Received Thanks = new("Unconfirmed",
            "Thank you. We have sent you an e-mail: follow its link to confirm your address, and your comment goes to the moderators.");

        public async Task<Received> Handle(Command command, CancellationToken cancellationToken)
        {
            var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == command.ConsultationId, cancellationToken)
                ?? throw new NotFoundException("consultation", command.ConsultationId.ToString());
            if (!throttle.TryTake(Pipeline.ClientAddress.Of(http.HttpContext), out var retryAfter))
            {
                throw new TooManyAttemptsException(retryAfter, $"Too many comments from this address. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minutes.");
            }

            if (!string.IsNullOrEmpty(command.Website))
            {
                // Only a program fills the field people do not see: answered as anyone, kept nowhere.
                return Thanks;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var email = Domain.EmailAddresses.Canonical(command.Email!);

            // Only confirmed comments count: unconfirmed ones cost nothing to send, and counting them would let anyone
            // with enough source addresses shut the public out.
            if (await db.ConsultationComments.CountAsync(c => c.ConsultationId == consultation.Id && c.ConfirmedAt > now.AddHours(-1), cancellationToken) >= PerConsultationPerHour)
            {
                throw new TooManyAttemptsException(TimeSpan.FromHours(1), "This consultation takes no more comments for the moment. Try again in an hour.");
            }

            if (await db.ConsultationComments.CountAsync(c => c.Email == email && c.CreatedAt > now.AddDays(-1), cancellationToken) >= PerAddressPerDay)
            {
                throw new TooManyAttemptsException(TimeSpan.FromDays(1), "Too many comments from this e-mail address today. Try again tomorrow.");
            }

            var comment = consultation.Submit(command.Name!, command.Organization ?? "", email, command.Text!, command.Section, now);
            db.ConsultationComments.Add(comment);
            db.OutgoingMail.Add(notices.CommentConfirmation(comment, consultation, now));
            await db.SaveChangesAsync(cancellationToken);
            return Thanks;
        }
    }

    public static void Map(RouteGroupBuilder consultations) =>
        consultations.MapPost("/{consultationId:guid}/comments", async (Guid consultationId, Body body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/consultations/{consultationId}", await mediator.Send(
                    new Command(consultationId, body.Name, body.Organization, body.Email, body.Text, body.Section, body.Website), ct)))
            .AllowAnonymous()
            .WithName("CommentOnConsultation")
            .WithSummary("Comment on a public consultation")
            .WithDescription("No sign-in. `name`, `organization`, `email`, `text` (up to 5,000 characters, plain text), `section` (optional). Answers 202: a link is mailed to `email`, and the comment goes to the moderators once it is followed; the address is never shown publicly. Closed → 409 `consultation-closed`. Limits: 5 per client (an IPv4 address or an IPv6 /64, behind the configured proxies) in ten minutes, 10 per e-mail address a day (in any letter case), 200 confirmed comments per consultation an hour (429).");
}
