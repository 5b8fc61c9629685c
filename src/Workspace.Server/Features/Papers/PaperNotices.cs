using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Papers;

/// <summary>What people are told of papers: a sign-off asked, reminded, overdue, objected to, closed; a paper published; clearance; corrections.</summary>
internal sealed class PaperNotices : INoticeTemplates
{
    public int Order => 0;

    public IReadOnlyList<MailKind> Kinds { get; } =
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
        new("minutes-ready", MailMode.Immediate, false, "Minutes of a meeting signed off", "Le compte rendu d'une réunion approuvé"),
        new("contribution-sent", MailMode.Immediate, false, "An agency sent its comments and suggestions on a paper my agency leads", "Une organisation a envoyé ses commentaires et propositions sur un document dont mon organisation est chef de file"),
        new("contribution-clearance-requested", MailMode.Immediate, false, "My agency's comments and suggestions wait for my step of its clearance", "Les commentaires et propositions de mon organisation attendent mon étape de validation interne"),
        new("contribution-sent-back", MailMode.Immediate, false, "My agency's comments and suggestions sent back in its clearance", "Les commentaires et propositions de mon organisation renvoyés lors de la validation interne"),
        new("annotation-disposed", MailMode.Digest, false, "The lead decided on my agency's comments and suggestions", "Le chef de file a statué sur les commentaires et propositions de mon organisation"),
    ];

    public async Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) =>
        new(Guid.TryParse(subject.Id, out var id) ? await db.Papers.Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync(ct) ?? "" : "");

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        var (title, french, dear, to) = (about.Title, reader.French, reader.Dear, reader.To);
        var open = french ? "Ouvrir le document" : "Open the paper";
        string When(DateTimeOffset at) => reader.When(at);
        string Paper(Guid paperId) => reader.Page($"papers/{paperId}");
        switch (kind, data)
        {
            case ("round-opened", RoundOpened opened):
                var silence = opened.Procedure == "Silence";
                return french
                    ? new($"Approbation demandée : {title}",
                        [
                            dear, $"L'approbation de votre organisation ({to.AgencyCode}) est demandée pour « {title} », révision {opened.Revision}.",
                            $"Échéance : {When(opened.Deadline)}.",
                            silence ? "Procédure d'accord tacite : sans objection avant l'échéance, le texte est adopté." : "Chaque organisation participante doit approuver le texte.",
                        ], open, Paper(opened.PaperId))
                    : new($"Sign-off requested: {title}",
                        [
                            dear, $"Your agency ({to.AgencyCode}) is asked to sign off \"{title}\", revision {opened.Revision}.",
                            $"Deadline: {When(opened.Deadline)}.",
                            silence ? "Silence procedure: with no objection by the deadline, the text is adopted." : "Every participating agency must approve the text.",
                        ], open, Paper(opened.PaperId));
            case ("sign-off-reminder", SignOffReminded reminded):
                return french
                    ? new($"Rappel : approbation de « {title} »", [dear, $"Votre organisation ({to.AgencyCode}) n'a pas encore répondu sur « {title} ».", $"Échéance : {When(reminded.Deadline)}."], open, Paper(reminded.PaperId))
                    : new($"Reminder: sign-off on \"{title}\"", [dear, $"Your agency ({to.AgencyCode}) has not yet answered on \"{title}\".", $"Deadline: {When(reminded.Deadline)}."], open, Paper(reminded.PaperId));
            case ("round-overdue", RoundOverdue overdue):
                var late = string.Join(", ", overdue.NotApprovedAgencyCodes);
                return french
                    ? new($"Échéance dépassée : {title}", [dear, $"L'approbation de « {title} » a dépassé son échéance ({When(overdue.Deadline)}).", $"Pas encore approuvé par : {late}."], open, Paper(overdue.PaperId))
                    : new($"Past its deadline: {title}", [dear, $"Sign-off on \"{title}\" is past its deadline ({When(overdue.Deadline)}).", $"Not yet approved by: {late}."], open, Paper(overdue.PaperId));
            case ("sign-off-objected", SignOffRecorded objection):
                return french
                    ? new($"Objection : {title}", [dear, $"{objection.AgencyCode} fait objection à « {title} ».", $"Motif : {objection.Comment}"], open, Paper(objection.PaperId))
                    : new($"Objection: {title}", [dear, $"{objection.AgencyCode} objects to \"{title}\".", $"Reason: {objection.Comment}"], open, Paper(objection.PaperId));
            case ("round-broken", RoundClosed broken):
                return french
                    ? new($"Accord tacite rompu : {title}", [dear, $"{broken.ObjectedBy} a rompu l'accord tacite sur « {title} » ; le document revient en rédaction.", $"Motif : {broken.Objection}"], open, Paper(broken.PaperId))
                    : new($"Silence broken: {title}", [dear, $"{broken.ObjectedBy} broke silence on \"{title}\"; the paper is back in drafting.", $"Reason: {broken.Objection}"], open, Paper(broken.PaperId));
            case ("round-cancelled", RoundClosed cancelled):
                var why = (cancelled.Reason ?? "").StartsWith("revision", StringComparison.Ordinal) ? "une nouvelle révision a été ajoutée" : "le document a été retiré";
                return french
                    ? new($"Approbation annulée : {title}", [dear, $"L'approbation de « {title} » est annulée ({why}) ; la décision de votre organisation ne compte plus."], open, Paper(cancelled.PaperId))
                    : new($"Sign-off cancelled: {title}", [dear, $"Sign-off on \"{title}\" is cancelled ({cancelled.Reason}); your agency's decision no longer counts."], open, Paper(cancelled.PaperId));
            case ("round-completed" or "minutes-ready", RoundClosed completed):
                var minutes = kind == "minutes-ready";
                return french
                    ? new($"{(minutes ? "Compte rendu approuvé" : "Approuvé")} : {title}", [dear, $"« {title} » est approuvé par toutes les organisations participantes."], open, Paper(completed.PaperId))
                    : new($"{(minutes ? "Minutes signed off" : "Signed off")}: {title}", [dear, $"\"{title}\" is signed off by every participating agency."], open, Paper(completed.PaperId));
            case ("paper-published", PaperPublished published):
                var publication = reader.Page($"publications/{published.PaperId}");
                return french
                    ? new($"Publié : {title}", [dear, $"« {title} » est publié."], "Lire la publication", publication)
                    : new($"Published: {title}", [dear, $"\"{title}\" is published."], "Read the publication", publication);
            case ("clearance-requested", ClearanceRequested requested):
                return french
                    ? new($"Validation interne demandée : {title}", [dear, $"« {title} » (révision {requested.Revision}) attend votre validation pour {to.AgencyCode}, à l'étape « {requested.Step} »."], open, Paper(requested.PaperId))
                    : new($"Your clearance is needed: {title}", [dear, $"\"{title}\" (revision {requested.Revision}) waits for your clearance for {to.AgencyCode}, as {requested.Step}."], open, Paper(requested.PaperId));
            case ("clearance-sent-back", ClearanceRecorded sentBack):
                return french
                    ? new($"Renvoyé en validation interne : {title}", [dear, $"L'étape « {sentBack.Step} » a renvoyé « {title} » au début de la validation de {to.AgencyCode}.", $"Motif : {sentBack.Comment}"], open, Paper(sentBack.PaperId))
                    : new($"Sent back in clearance: {title}", [dear, $"The step {sentBack.Step} sent \"{title}\" back to the start of {to.AgencyCode}'s clearance.", $"Reason: {sentBack.Comment}"], open, Paper(sentBack.PaperId));
            case ("correction-proposed", CorrectionProposed proposed):
                var (from, into) = (proposed.CorrectedRevision, proposed.Revision);
                var diff = reader.Page($"papers/{proposed.PaperId}?revision={into}&compare={from}");
                return french
                    ? new($"Correction de forme proposée : {title}",
                        [dear, $"Une correction de forme de « {title} » est proposée (révision {from} → {into}).", $"Sans objection de votre organisation avant le {When(proposed.Deadline)}, elle est adoptée et votre approbation est reportée sur le texte corrigé."],
                        "Voir la différence", diff)
                    : new($"Editorial correction proposed: {title}",
                        [dear, $"An editorial correction of \"{title}\" is proposed (revision {from} → {into}).", $"Unless your agency objects by {When(proposed.Deadline)}, it is adopted and your sign-off carries over to the corrected text."],
                        "See the difference", diff);
            case ("correction-objected", CorrectionObjected objected):
                return french
                    ? new($"Objection à une correction : {title}", [dear, $"{objected.AgencyCode} fait objection à la correction de « {title} ».", $"Motif : {objected.Reason}"], open, Paper(objected.PaperId))
                    : new($"Objection to a correction: {title}", [dear, $"{objected.AgencyCode} objects to the correction of \"{title}\".", $"Reason: {objected.Reason}"], open, Paper(objected.PaperId));
            case ("correction-adopted", CorrectionAdopted adopted):
                return french
                    ? new($"Correction adoptée : {title}", [dear, $"La correction de forme de « {title} » est adoptée ; les approbations sont reportées sur le texte corrigé."], open, Paper(adopted.PaperId))
                    : new($"Correction adopted: {title}", [dear, $"The editorial correction of \"{title}\" is adopted; every sign-off carries over to the corrected text."], open, Paper(adopted.PaperId));
            case ("contribution-sent", ContributionSent sent):
                var input = reader.Page($"papers/{sent.PaperId}?revision={sent.Revision}");
                return french
                    ? new($"Contribution de {sent.AgencyCode} : {title}", [dear, $"{sent.AgencyCode} a envoyé {sent.Count} commentaire(s) et proposition(s) sur « {title} », révision {sent.Revision}."], open, input)
                    : new($"{sent.AgencyCode}'s input: {title}", [dear, sent.Count == 1 ? $"{sent.AgencyCode} sent 1 comment or suggestion on \"{title}\", revision {sent.Revision}." : $"{sent.AgencyCode} sent {sent.Count} comments and suggestions on \"{title}\", revision {sent.Revision}."], open, input);
            case ("contribution-clearance-requested", ContributionClearanceRequested asked):
                var drafts = reader.Page($"papers/{asked.PaperId}?revision={asked.Revision}#negotiation-title");
                return french
                    ? new($"Validation interne de commentaires : {title}", [dear, $"Les commentaires et propositions de {to.AgencyCode} sur « {title} » (révision {asked.Revision}) attendent votre validation, à l'étape « {asked.Step} », avant d'être envoyés."], open, drafts)
                    : new($"Your clearance is needed on comments: {title}", [dear, $"{to.AgencyCode}'s comments and suggestions on \"{title}\" (revision {asked.Revision}) wait for your clearance as {asked.Step} before they are sent."], open, drafts);
            case ("contribution-sent-back", ContributionCleared back):
                return french
                    ? new($"Commentaires renvoyés en validation interne : {title}", [dear, $"L'étape « {back.Step} » a renvoyé les commentaires et propositions de {to.AgencyCode} sur « {title} ».", $"Motif : {back.Comment}"], open, Paper(back.PaperId))
                    : new($"Comments sent back in clearance: {title}", [dear, $"The step {back.Step} sent {to.AgencyCode}'s comments and suggestions on \"{title}\" back.", $"Reason: {back.Comment}"], open, Paper(back.PaperId));
            case ("annotation-disposed", AnnotationDisposed disposed):
                var (word, mot) = disposed.Decision switch
                {
                    "Accepted" => ("accepted", "acceptée"),
                    "PartlyAccepted" => ("partly accepted", "acceptée en partie"),
                    "Rejected" => ("rejected", "rejetée"),
                    _ => ("noted", "notée"),
                };
                return french
                    ? new($"Suite donnée : {title}", [dear, $"Une contribution de {disposed.AgencyCode} sur « {title} » a été {mot}."], open, Paper(disposed.PaperId))
                    : new($"Decided: {title}", [dear, $"An item {disposed.AgencyCode} sent on \"{title}\" was {word}."], open, Paper(disposed.PaperId));
            default:
                return null;
        }
    }
}
