using Workspace.Server.Data;

namespace Workspace.Server.Mail;

/// <summary>One kind of mail a person may choose how to receive, with its default and its name in the settings.</summary>
/// <param name="Invitation">Carries a calendar invitation, which calendars act on only when it arrives alone: never in a digest.</param>
public sealed record MailKind(string Name, MailMode Default, bool Invitation, string Label, string FrenchLabel);

/// <summary>
/// Every kind of mail, named as the notifications name them. The defaults mail at once what asks for action
/// (a sign-off owed, an objection, an invitation, an action item) and gather the rest in the morning digest.
/// </summary>
public static class MailKinds
{
    public static readonly IReadOnlyList<MailKind> All =
    [
        new("round-opened", MailMode.Immediate, false, "A sign-off is requested of my agency", "Une approbation est demandée à mon organisation"),
        new("sign-off-reminder", MailMode.Immediate, false, "Reminders of a sign-off my agency owes", "Rappels d'une approbation due par mon organisation"),
        new("round-overdue", MailMode.Immediate, false, "A sign-off past its deadline", "Une approbation dont l'échéance est dépassée"),
        new("sign-off-objected", MailMode.Immediate, false, "An objection to a paper my agency takes part in", "Une objection à un document auquel mon organisation participe"),
        new("round-broken", MailMode.Immediate, false, "Silence broken on a paper my agency takes part in", "Un accord tacite rompu sur un document auquel mon organisation participe"),
        new("round-cancelled", MailMode.Digest, false, "A sign-off cancelled (new revision, paper withdrawn)", "Une approbation annulée (nouvelle révision, document retiré)"),
        new("round-completed", MailMode.Digest, false, "A paper signed off", "Un document approuvé"),
        new("paper-published", MailMode.Digest, false, "A paper published", "Un document publié"),
        new("clearance-requested", MailMode.Immediate, false, "A text waits for my step of my agency's clearance", "Un texte attend mon étape de validation interne"),
        new("clearance-sent-back", MailMode.Immediate, false, "A text sent back in my agency's clearance", "Un texte renvoyé lors de la validation interne"),
        new("correction-proposed", MailMode.Immediate, false, "An editorial correction to a paper my agency signed", "Une correction de forme d'un document approuvé par mon organisation"),
        new("correction-objected", MailMode.Immediate, false, "An objection to an editorial correction", "Une objection à une correction de forme"),
        new("correction-adopted", MailMode.Digest, false, "An editorial correction adopted", "Une correction de forme adoptée"),
        new("alternate-named", MailMode.Immediate, false, "I am named someone's alternate", "Je suis désigné(e) suppléant(e)"),
        new("consultation-comment", MailMode.Digest, false, "A public comment on a paper of my agency waits for moderation", "Un commentaire public sur un document de mon organisation attend la modération"),
        new("consultation-closed", MailMode.Digest, false, "A public consultation closed", "Une consultation publique close"),
        new("minutes-ready", MailMode.Immediate, false, "Minutes of a meeting signed off", "Le compte rendu d'une réunion approuvé"),
        new("meeting-scheduled", MailMode.Immediate, true, "Invitations to meetings", "Invitations aux réunions"),
        new("meeting-rescheduled", MailMode.Immediate, true, "A meeting moved", "Une réunion déplacée"),
        new("meeting-cancelled", MailMode.Immediate, true, "A meeting cancelled", "Une réunion annulée"),
        new("meeting-reminder", MailMode.Immediate, false, "Reminders before a meeting", "Rappels avant une réunion"),
        new("action-item-assigned", MailMode.Immediate, false, "An action item assigned to my agency", "Une action confiée à mon organisation"),
        new("action-item-due", MailMode.Immediate, false, "An action item of my agency due soon or overdue", "Une action de mon organisation bientôt due ou en retard"),
        new("poll-opened", MailMode.Immediate, false, "A poll to find a meeting time", "Un sondage pour fixer une réunion"),
        new("poll-reminder", MailMode.Immediate, false, "Reminders of a poll my agency has not answered", "Rappels d'un sondage sans réponse de mon organisation"),
    ];

    private static readonly Dictionary<string, MailKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static MailKind? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The digest itself, as its unsubscribe link names it: turning it off turns off every kind taken as a digest.</summary>
    public const string Digest = "digest";
}
