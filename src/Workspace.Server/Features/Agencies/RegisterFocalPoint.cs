using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>The secretariat registers a person for an agency, with an initial password.</summary>
public static class RegisterFocalPoint
{
    public enum PersonRole
    {
        FocalPoint,
        Secretariat,
    }

    public sealed record Body(string Email, string DisplayName, string Password, PersonRole? Role);

    public sealed record Command(string AgencyCode, string Email, string DisplayName, string Password, PersonRole Role)
        : ICommand<PersonView>, ISecretariatRequest;

    public sealed record PersonView(string Email, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
            RuleFor(c => c.Role).IsInEnum();
        }
    }

    internal sealed class Handler(WorkspaceDb db, UserManager<Person> users, IOptions<GroupOptions> group, ICurrentUser me)
        : IRequestHandler<Command, PersonView>
    {
        public async Task<PersonView> Handle(Command command, CancellationToken cancellationToken)
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == command.AgencyCode, cancellationToken)
                ?? throw new NotFoundException("agency", command.AgencyCode);
            if (command.Role == PersonRole.Secretariat && agency.Code != group.Value.SecretariatAgencyCode)
            {
                throw Invalid("role", $"Only people of {group.Value.SecretariatAgencyCode} can belong to the secretariat.");
            }

            if (await users.FindByEmailAsync(command.Email) is not null)
            {
                throw new RuleBrokenException("duplicate-person", $"{command.Email} is already registered.");
            }

            var person = new Person
            {
                Email = command.Email.Trim(),
                UserName = command.Email.Trim(),
                DisplayName = command.DisplayName.Trim(),
                AgencyCode = agency.Code,
                EmailConfirmed = true,
            };
            agency.RecordFocalPointRegistered(person.Email, person.DisplayName, me.AsActor());
            var created = await users.CreateAsync(person, command.Password);
            if (!created.Succeeded)
            {
                throw new ValidationException(created.Errors.Select(e =>
                    new FluentValidation.Results.ValidationFailure(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)));
            }

            var role = command.Role == PersonRole.Secretariat ? Roles.Secretariat : Roles.FocalPoint;
            await users.AddToRoleAsync(person, role);
            return new PersonView(person.Email, person.DisplayName, person.AgencyCode, [role]);
        }

        private static ValidationException Invalid(string field, string message) =>
            new([new FluentValidation.Results.ValidationFailure(field, message)]);
    }

    public static void Map(RouteGroupBuilder agencies) =>
        agencies.MapPost("/{code}/focal-points", async (string code, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var person = await mediator.Send(new Command(code, body.Email, body.DisplayName, body.Password, body.Role ?? PersonRole.FocalPoint), ct);
                return TypedResults.Created($"/api/agencies/{code}", person);
            })
            .WithName("RegisterFocalPoint")
            .WithSummary("Register a person for an agency (secretariat)")
            .WithDescription("Creates a sign-in for a focal point of the agency (or, for the secretariat's own agency, a secretariat officer) with an initial password. An e-mail already registered → 409; a weak password → 400.");
}
