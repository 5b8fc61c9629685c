using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Http;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// The secret address of a person's calendar (<c>/api/calendar.ics?token=…</c>) as an authentication scheme:
/// the token stands for its person, as a bearer token would, and the pipeline then decides as for them.
/// Calendar clients cannot send headers. An unknown or revoked token is answered 404, as an address that
/// does not exist.
/// </summary>
public sealed class CalendarFeedAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator, SignInManager<Person> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CalendarFeed";

    /// <summary>The feed's secret when the address carries one, else the usual bearer token or cookie.</summary>
    public const string FeedOrSignIn = "CalendarFeedOrSignIn";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Query.TryGetValue("token", out var values) || values.Count != 1)
        {
            return AuthenticateResult.NoResult();
        }

        var personId = values[0] is { Length: > 0 and <= 100 } token ? await mediator.Send(new ResolveCalendarFeed.Query(token), Context.RequestAborted) : null;
        var person = personId is null ? null : await signIn.UserManager.FindByIdAsync(personId.Value.ToString());
        if (person is null)
        {
            return AuthenticateResult.Fail("No calendar feed has this token.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(person);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(WorkspaceClaims.CalendarFeed, "true"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Problem(404, "not-found", "Not found", "This calendar address does not exist or was revoked."),
        });
    }
}

internal static class CalendarFeedSchemes
{
    /// <summary>The feed's scheme, and the one that picks between it and the usual sign-in, so that one challenge answers.</summary>
    public static void AddCalendarFeedAuthentication(this IServiceCollection services) =>
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CalendarFeedAuthentication>(CalendarFeedAuthentication.SchemeName, null)
            .AddPolicyScheme(CalendarFeedAuthentication.FeedOrSignIn, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Query.ContainsKey("token") ? CalendarFeedAuthentication.SchemeName
                : context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);
}
