using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Http;

namespace Workspace.Server.Features.Auth;

/// <summary>Sign-in with e-mail and password; answers a bearer token and a refresh token.</summary>
public static class Login
{
    public sealed record Command(string Email, string Password) : IRequest<ClaimsPrincipal>, IPublicRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
            RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
        }
    }

    internal sealed class Handler(UserManager<Person> users, SignInManager<Person> signIn) : IRequestHandler<Command, ClaimsPrincipal>
    {
        public async Task<ClaimsPrincipal> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await users.FindByEmailAsync(command.Email.Trim());
            if (person is null)
            {
                throw new WrongCredentialsException("The e-mail address or the password is wrong.");
            }

            var result = await signIn.CheckPasswordSignInAsync(person, command.Password, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                throw new WrongCredentialsException("Too many failed attempts: this account is locked for a while. Try again later.", locked: true);
            }

            if (!result.Succeeded)
            {
                throw new WrongCredentialsException("The e-mail address or the password is wrong.");
            }

            return await signIn.CreateUserPrincipalAsync(person);
        }
    }

    public sealed record RefreshBody(string RefreshToken);

    public static void Map(RouteGroupBuilder auth)
    {
        auth.MapPost("/login", async (Command body, IMediator mediator, CancellationToken ct) =>
                TypedResults.SignIn(await mediator.Send(body, ct), authenticationScheme: IdentityConstants.BearerScheme))
            .RequireRateLimiting(RateLimits.Login)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Sign in")
            .WithDescription("Exchanges an e-mail address and password for a bearer token (`accessToken`, valid `expiresIn` seconds) and a `refreshToken`. Wrong credentials → 401; repeated failures lock the account; too many attempts → 429.")
            .Produces<AccessTokenResponse>();

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
                RefreshBody body, IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<Person> signIn, TimeProvider clock) =>
            {
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken ?? "");
                if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } person)
                {
                    return TypedResults.Problem(Problems.Problem(401, "invalid-refresh-token", "Refresh failed", "The refresh token is not valid or has expired. Sign in again."));
                }

                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(person), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .RequireRateLimiting(RateLimits.Login)
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithSummary("Renew a bearer token")
            .WithDescription("Exchanges a refresh token for a new bearer token and refresh token.")
            .Produces<AccessTokenResponse>();
    }
}
