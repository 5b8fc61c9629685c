using Microsoft.AspNetCore.Authentication;
using Workspace.Server.Auth;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Auth;

/// <summary>Ends the session of the token that asks: its access and refresh tokens stop working at once, its live connections are cut.</summary>
public static class SignOut
{
    public sealed record Command : ICommand<Unit>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(Sessions sessions, CurrentUser me) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.SessionId is { } session)
            {
                await sessions.RevokeAsync(session, "signed-out", cancellationToken);
            }

            return Unit.Value;
        }
    }

    /// <summary>
    /// The web UI's sign-out: the same command, then the cookie goes and the person sees the sign-in page, which
    /// offers to end the identity provider's session too when this one came through it.
    /// </summary>
    public static void MapPage(IEndpointRouteBuilder app) =>
        app.MapPost("/logout", async (IFormCollection form, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(), ct);
                var throughProvider = await SingleSignOnPages.RememberProviderSignOutAsync(http);
                await http.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
                return Results.LocalRedirect(throughProvider ? "/login?signedout=provider" : "/login");
            })
            .ExcludeFromDescription();

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/logout", async (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(), ct);
                return TypedResults.NoContent();
            })
            .WithName("SignOut")
            .WithSummary("Sign out")
            .WithDescription("Ends this session: its bearer token and refresh token stop working at once, and its live connections are closed. Other sessions of the same person go on.");
}
