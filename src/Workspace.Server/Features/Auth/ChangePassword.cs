using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Auth;

/// <summary>
/// A person changes their own password. Every session of theirs ends (the security stamp changes, and the
/// sessions are revoked), their live connections are cut and their calendar subscription address stops
/// working: whoever had any of these with the old password has nothing left. They sign in again.
/// </summary>
public static class ChangePassword
{
    public sealed record Command(string CurrentPassword, string NewPassword) : ICommand<Unit>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(256);
            RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(256).NotEqual(c => c.CurrentPassword).WithMessage("Choose a password different from the current one.");
        }
    }

    internal sealed class Handler(UserManager<Person> users, ICurrentUser me, Sessions sessions, WorkspaceDb db)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await users.FindByIdAsync(me.Id.ToString()) ?? throw new UnauthenticatedException();
            var changed = await users.ChangePasswordAsync(person, command.CurrentPassword, command.NewPassword);
            if (!changed.Succeeded)
            {
                throw new ValidationException(changed.Errors.Select(e => new ValidationFailure(
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword",
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is wrong." : e.Description)));
            }

            await sessions.RevokeAllAsync(person.Id, "password-changed", cancellationToken);
            await db.CalendarFeeds.Where(f => f.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/me/password", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(body, ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangePassword")
            .WithSummary("Change my password")
            .WithDescription("With the current password. A wrong current password or a weak new one → 400 naming the field.");
}
