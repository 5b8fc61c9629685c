using System.Text.Encodings.Web;
using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Consultations;

/// <summary>
/// What the paper's participants are told of its public consultation (a comment to moderate, the consultation
/// closed), and the message that asks a commenter without an account to confirm their address.
/// </summary>
public sealed class ConsultationNotices(MailLinks links) : INoticeTemplates
{
    public int Order => 2;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("consultation-comment", MailMode.Digest, false, "A public comment on a paper of my agency waits for moderation"),
        new("consultation-closed", MailMode.Digest, false, "A public consultation closed"),
    ];

    public async Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) =>
        new(Guid.TryParse(subject.Id, out var id) ? await db.Consultations.Where(c => c.Id == id).Select(c => c.Title).SingleOrDefaultAsync(ct) ?? "" : "");

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        var (title, t, dear) = (about.Title, reader.T, reader.Dear);
        string Moderation(Guid consultationId) => reader.Page($"consultations/{consultationId}/moderation");
        return (kind, data) switch
        {
            ("consultation-comment", ConsultationCommentConfirmed confirmed) =>
                new(t["Comment to moderate: {0}", title], [dear, t["A public comment on \"{0}\" waits for moderation.", title]], t["See the comments"], Moderation(confirmed.ConsultationId)),
            ("consultation-closed", ConsultationClosed closed) =>
                new(t["Consultation closed: {0}", title], [dear, t["The public consultation on \"{0}\" is closed.", title]], t["See the comments"], Moderation(closed.ConsultationId)),
            _ => null,
        };
    }

    /// <summary>
    /// To someone without an account who commented on a consultation: the link that confirms their address, in
    /// English and French (their language is unknown), valid until the consultation closes.
    /// </summary>
    public OutgoingMail CommentConfirmation(ConsultationComment comment, Consultation consultation, DateTime now)
    {
        var link = links.ConfirmComment(comment.Id, consultation.Deadline);
        var enc = HtmlEncoder.Default;
        var en = $"You commented on the public consultation on \"{consultation.Title}\". Follow this link to confirm your address; your comment then goes to the moderators. If you did not comment, ignore this message.";
        var fr = $"Vous avez commenté la consultation publique sur « {consultation.Title} ». Suivez ce lien pour confirmer votre adresse ; votre commentaire est alors transmis aux modérateurs. Si vous n'avez pas commenté, ignorez ce message.";
        return new OutgoingMail
        {
            Kind = "consultation-confirm",
            To = comment.Email,
            // The commenter's name is whatever anyone typed: it never stands as a display name before someone's address.
            ToName = "",
            Subject = $"Confirm your comment / Confirmez votre commentaire: {consultation.Title}",
            Text = $"{en}\n\n{fr}\n\n{link}\n",
            Html = $"<!DOCTYPE html><html lang=\"en\"><body><p>{enc.Encode(en)}</p><p lang=\"fr\">{enc.Encode(fr)}</p><p><a href=\"{enc.Encode(link)}\">{enc.Encode(link)}</a></p></body></html>",
            Link = link,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
