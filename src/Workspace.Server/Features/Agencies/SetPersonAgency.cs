using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Agencies;

/// <summary>
/// The secretariat sets the agency of a person who came in through single sign-on without one. Their sessions end,
/// so that they sign in again acting for that agency.
/// </summary>
public static class SetPersonAgency
{
    public sealed record Body(string? AgencyCode);

    public sealed record Command(string Email, string AgencyCode) : ICommand<RegisterFocalPoint.PersonView>, ISecretariatRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
            RuleFor(c => c.AgencyCode).NotEmpty().WithMessage("Choose the agency.")
                .MustBeMember(db).WithMessage("No member agency has this code.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, UserManager<Person> users, Sessions sessions, ICurrentUser me)
        : IRequestHandler<Command, RegisterFocalPoint.PersonView>
    {
        public async Task<RegisterFocalPoint.PersonView> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await users.FindByEmailAsync(command.Email.Trim()) ?? throw new NotFoundException("person", command.Email);
            if (person.AgencyCode.Length > 0)
            {
                throw new RuleBrokenException("has-agency", $"{person.Email} already acts for {person.AgencyCode}; a person's agency is set once.");
            }

            var agency = await db.Agencies.SingleAsync(a => a.Code == command.AgencyCode, cancellationToken);
            person.AgencyCode = agency.Code;
            agency.RecordFocalPointRegistered(person.Email!, person.DisplayName, me.AsActor());
            var updated = await users.UpdateAsync(person);
            if (!updated.Succeeded)
            {
                throw new RuleBrokenException("not-saved", string.Join(" ", updated.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(person, Roles.FocalPoint);
            await sessions.RevokeAllAsync(person.Id, "agency set by the secretariat", cancellationToken);
            return new RegisterFocalPoint.PersonView(person.Email!, person.DisplayName, person.AgencyCode, [.. await users.GetRolesAsync(person)]);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/people/{email}/agency", async (string email, Body body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new Command(email, body.AgencyCode ?? ""), ct))
            .WithTags("Membership")
            .WithName("SetPersonAgency")
            .WithSummary("Set the agency of a person who signed in without one")
            .WithDescription("Secretariat. For a person single sign-on registered without an agency (the provider's claim named none): they become a focal point of it, and sign in again. A person who has an agency → 409 `has-agency`.");
}
