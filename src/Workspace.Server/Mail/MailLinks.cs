using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Workspace.Server.Data;

namespace Workspace.Server.Mail;

/// <summary>
/// The links in a message that act without a sign-in: stop a kind of mail (one click, RFC 8058), answer an
/// invitation. Each carries who and what, sealed with a key derived from the chain key file (never stored in
/// the database), so it cannot be forged or changed; an answer to an invitation expires when the meeting starts.
/// Written by pure computation, so composing a message inside a save touches nothing else.
/// </summary>
public sealed class MailLinks(ChainKeys keys, Http.PublicUrl url, TimeProvider clock)
{
    private readonly byte[] key = keys.Derive("mail-links");

    /// <summary>How long a message's unsubscribe links work: long enough for any message still read, not forever.</summary>
    public static readonly TimeSpan UnsubscribeValidity = TimeSpan.FromDays(90);

    /// <summary>The one-click address for the <c>List-Unsubscribe</c> header (answers a POST), valid <see cref="UnsubscribeValidity"/>.</summary>
    public string OneClickUnsubscribe(Guid personId, string kind) => new Uri(url.Base, $"api/mail/unsubscribe?t={UnsubscribeToken(personId, kind)}").ToString();

    /// <summary>The page a person opens from the message's footer to stop this kind of mail, valid <see cref="UnsubscribeValidity"/>.</summary>
    public string UnsubscribePage(Guid personId, string kind) => new Uri(url.Base, $"mail/unsubscribe?t={UnsubscribeToken(personId, kind)}").ToString();

    private string UnsubscribeToken(Guid personId, string kind) =>
        Seal($"u|{personId:N}|{kind}|{(clock.GetUtcNow().UtcDateTime + UnsubscribeValidity).Ticks}");

    /// <summary>The page that records a person's answer to an invitation, valid until the meeting starts.</summary>
    public string Rsvp(Guid personId, Guid meetingId, string response, DateTime expiresAt) =>
        new Uri(url.Base, $"mail/rsvp?t={Seal($"r|{personId:N}|{meetingId:N}|{response}|{expiresAt.Ticks}")}").ToString();

    /// <summary>The page a commenter without an account opens to confirm their address, valid until the consultation closes.</summary>
    public string ConfirmComment(Guid commentId, DateTime expiresAt) =>
        new Uri(url.Base, $"consultations/confirm?t={Seal($"c|{commentId:N}|{expiresAt.Ticks}")}").ToString();

    /// <summary>Which comment a confirmation link is for; null for anything not sealed here or expired.</summary>
    public Guid? ReadCommentConfirmation(string? token) =>
        Open(token) is ["c", var comment, var expires] && Guid.TryParseExact(comment, "N", out var id)
        && long.TryParse(expires, out var ticks) && clock.GetUtcNow().UtcDateTime.Ticks < ticks
            ? id
            : null;

    /// <summary>Who asks to stop which kind of mail; null for anything not sealed here, or expired (a copied link does not work forever).</summary>
    public (Guid PersonId, string Kind)? ReadUnsubscribe(string? token) =>
        Open(token) is ["u", var person, var kind, var expires] && Guid.TryParseExact(person, "N", out var id)
        && long.TryParse(expires, out var ticks) && clock.GetUtcNow().UtcDateTime.Ticks < ticks
            ? (id, kind)
            : null;

    /// <summary>Who answers which meeting how; null for anything not sealed here or expired.</summary>
    public (Guid PersonId, Guid MeetingId, string Response)? ReadRsvp(string? token) =>
        Open(token) is ["r", var person, var meeting, var response, var expires]
        && Guid.TryParseExact(person, "N", out var personId) && Guid.TryParseExact(meeting, "N", out var meetingId)
        && long.TryParse(expires, out var ticks) && clock.GetUtcNow().UtcDateTime.Ticks < ticks
            ? (personId, meetingId, response)
            : null;

    private string Seal(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var mac = HMACSHA256.HashData(key, bytes).AsSpan(0, 16);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(mac);
    }

    private string[]? Open(string? token)
    {
        if (token is not { Length: > 0 and <= 400 } || token.Split('.') is not [var payload, var mac])
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(payload);
            var expected = HMACSHA256.HashData(key, bytes).AsSpan(0, 16);
            return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(mac))
                ? Encoding.UTF8.GetString(bytes).Split('|')
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
