using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

using Workspace.Server.Data;

namespace Workspace.Server.Auth;

/// <summary>
/// A mail link as a front end: the person a sealed link names (<see cref="Mail.MailLinks"/>) becomes the user of
/// this scope, for the one thing the link does, so that the request still goes through the pipeline's rules
/// (an answer to an invitation is still refused to an agency no longer invited).
/// </summary>
public sealed class MailLinkUser(SignInManager<Person> signIn, ConnectionUser connection)
{
    public const string Claim = "mail_link";

    /// <summary>Acts as <paramref name="personId"/> for the rest of the scope; false when no such person exists (any more).</summary>
    public async Task<bool> ActAsAsync(Guid personId)
    {
        var person = await signIn.UserManager.FindByIdAsync(personId.ToString());
        if (person is null)
        {
            return false;
        }

        var principal = await signIn.CreateUserPrincipalAsync(person);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(Claim, "true"));
        connection.From(principal);
        return true;
    }
}
