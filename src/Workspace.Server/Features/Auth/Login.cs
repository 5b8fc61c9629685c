using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Http;

namespace Workspace.Server.Features.Auth;

/// <summary>
/// Sign-in with e-mail and password; answers a bearer token and a refresh token of a new session. An unknown
/// address and a wrong password get the same answer after the same work (a password hash is checked either
/// way); failures are throttled per address and client (<see cref="SignInThrottle"/>), never by locking the
/// account, so no one can lock another person out.
/// </summary>
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

    internal sealed class Handler(
        UserManager<Person> users, SignInManager<Person> signIn, IPasswordHasher<Person> hasher, SignInThrottle throttle,
        IHttpContextAccessor http, Sessions sessions, IOptions<SingleSignOnOptions> sso) : IRequestHandler<Command, ClaimsPrincipal>
    {
        // A hash of no one's password, checked for unknown addresses so that they cost what a known one does.
        private static readonly Lazy<string> NoOnesHash = new(() => new PasswordHasher<Person>().HashPassword(new Person(), Guid.NewGuid().ToString()));

        public async Task<ClaimsPrincipal> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!sso.Value.PasswordSignIn)
            {
                throw new ForbiddenException($"Sign-in with a password is switched off here: sign in with {sso.Value.DisplayName}.");
            }

            var client = Pipeline.ClientAddress.Of(http.HttpContext);
            if (!throttle.TryBegin(command.Email, client, out var attempt, out var retryAfter))
            {
                throw new TooManyAttemptsException(retryAfter);
            }

            var person = await users.FindByEmailAsync(command.Email.Trim());
            if (person is null)
            {
                hasher.VerifyHashedPassword(new Person(), NoOnesHash.Value, command.Password);
                attempt.Failed();
                throw new WrongCredentialsException("The e-mail address or the password is wrong.");
            }

            var result = await signIn.CheckPasswordSignInAsync(person, command.Password, lockoutOnFailure: false);
            if (!result.Succeeded)
            {
                attempt.Failed();
                throw new WrongCredentialsException("The e-mail address or the password is wrong.");
            }

            attempt.Succeeded();
            return await sessions.StartAsync(person, cancellationToken);
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
            .WithDescription("Exchanges an e-mail address and password for a bearer token (`accessToken`, valid `expiresIn` seconds) and a `refreshToken`. Wrong credentials → 401 `wrong-credentials`, the same for an unknown address; after 5 failures for one address from one client in 15 minutes → 429 `too-many-attempts` with `Retry-After`, whatever the address; more than 100 attempts a minute from one client → 429.")
            .Produces<AccessTokenResponse>();

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
                RefreshBody body, IOptionsMonitor<BearerTokenOptions> bearer, Sessions sessions, TimeProvider clock, CancellationToken ct) =>
            {
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken ?? "");
                if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                    || await sessions.RotateAsync(ticket.Principal, ct) is not { } principal)
                {
                    return TypedResults.Problem(Problems.Problem(401, "invalid-refresh-token", "Refresh failed",
                        "The refresh token is not valid, was already used, or has expired. Sign in again."));
                }

                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .RequireRateLimiting(RateLimits.Login)
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithSummary("Renew a bearer token")
            .WithDescription("Exchanges a refresh token for a new bearer token and a new refresh token; each refresh token works once. Presenting one that was already exchanged ends the whole session (it was copied): every token of it stops working.");
    }
}
