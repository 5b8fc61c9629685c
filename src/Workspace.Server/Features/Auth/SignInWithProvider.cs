using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Auth;

/// <summary>
/// A person the organization's identity provider vouched for signs in: known by the provider's subject, or, on
/// the first sign-in, by the e-mail address the secretariat registered (the login is then linked), or new.
/// A new person's agency comes from the provider's claim (through the mapping) or, when it names none, is set
/// by the secretariat, who is told. Like <see cref="Login"/>, a request of the pipeline but not a command (0003).
/// </summary>
public static class SignInWithProvider
{
    /// <param name="EmailVerified">Whether the provider says it verified <paramref name="Email"/> (its <c>email_verified</c> claim).</param>
    public sealed record Command(string Issuer, string Subject, string Email, string DisplayName, IReadOnlyList<string> AgencyClaimValues, bool EmailVerified = false)
        : IRequest<ClaimsPrincipal>, IPublicRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Issuer).NotEmpty().MaximumLength(500);
            RuleFor(c => c.Subject).NotEmpty().MaximumLength(200).WithMessage("The identity provider named no subject.");
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress().WithMessage("The identity provider sent no e-mail address.");
            RuleFor(c => c.DisplayName).MaximumLength(200);
        }
    }

    internal sealed class Handler(UserManager<Person> users, WorkspaceDb db, Sessions sessions, IOptions<SingleSignOnOptions> sso, IOptions<GroupOptions> group)
        : IRequestHandler<Command, ClaimsPrincipal>
    {
        public async Task<ClaimsPrincipal> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await users.FindByLoginAsync(SingleSignOn.Scheme, command.Subject);
            if (person is null)
            {
                var registered = await users.FindByEmailAsync(command.Email.Trim());
                if (registered is not null && !command.EmailVerified && sso.Value.RequireVerifiedEmail)
                {
                    // Anyone can claim an address at a provider that does not check it: only a verified one stands for the person registered with it.
                    throw new RuleBrokenException("unverified-email",
                        $"The identity provider has not verified the address {command.Email.Trim()}, which belongs to a person of the workspace. Verify it at the provider, or ask the secretariat.");
                }

                person = registered ?? await RegisterAsync(command, cancellationToken);
                Ensure(await users.AddLoginAsync(person, new UserLoginInfo(SingleSignOn.Scheme, command.Subject, sso.Value.DisplayName)));
            }

            return await sessions.StartAsync(person, cancellationToken);
        }

        private async Task<Person> RegisterAsync(Command command, CancellationToken ct)
        {
            var code = sso.Value.AgencyFor(command.AgencyClaimValues);
            var agency = code is null ? null : await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, ct);
            var person = new Person
            {
                Email = command.Email.Trim(),
                UserName = command.Email.Trim(),
                DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? command.Email.Trim() : command.DisplayName.Trim(),
                AgencyCode = agency?.Code ?? "",
                EmailConfirmed = true,
            };
            var by = new Domain.Actor(person.Email, person.AgencyCode);
            if (agency is not null)
            {
                agency.RecordFocalPointRegistered(person.Email, person.DisplayName, by);
            }
            else
            {
                var secretariat = group.Value.SecretariatAgencyCode;
                var awaiting = Domain.DomainEvent.Of(new Domain.PersonAwaitingAgency(person.Email, person.DisplayName, command.Issuer),
                    new Domain.Subject("person", person.Email.ToLowerInvariant()), Domain.Audience.Agencies([secretariat]),
                    new Domain.Notice("person-awaiting-agency",
                        $"{person.DisplayName} ({person.Email}) signed in with single sign-on and waits for the secretariat to set their agency.", [secretariat]));
                db.Record(awaiting with { Actor = person.Email });
            }

            Ensure(await users.CreateAsync(person));
            if (agency is not null)
            {
                Ensure(await users.AddToRoleAsync(person, Roles.FocalPoint));
            }

            return person;
        }

        private static void Ensure(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure("email", e.Description)));
            }
        }
    }
}
