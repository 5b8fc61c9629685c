using System.Globalization;
using System.Text.Encodings.Web;
using Workspace.Server.Data;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Locale;

namespace Workspace.Server.Mail;

/// <summary>Who a message goes to, with what it is written for: their zone, their language, and how they take this kind.</summary>
public sealed record Recipient(Guid Id, string Email, string DisplayName, string AgencyCode, string? TimeZone, string? Language, MailMode Mode = MailMode.Immediate);

/// <summary>What the messages of one event share: the title of what it is about, and a meeting's invitation.</summary>
public sealed record MailSubject(string Title, Meeting? Meeting = null, string? Calendar = null, string? CalendarMethod = null, Poll? Poll = null);

/// <summary>
/// Writes the messages people act on, in their language (English, French) and with every time in their own zone,
/// with a link to what they must open and one to stop this kind of mail. Composed by the reaction that follows the
/// committed change, from the event's own data (its times, its reasons), and kept in the outbox as written.
/// </summary>
public sealed class MailComposer(Http.PublicUrl url, MailLinks links)
{
    /// <summary>
    /// What one message says: its subject, its paragraphs (text only, whatever people wrote into them), the page it
    /// asks the reader to open, and any answers offered as links of the composer's own (a meeting's RSVP). Only these
    /// link fields become links in the HTML part.
    /// </summary>
    private sealed record Message(string Subject, string[] Lines, string Open, string Link)
    {
        public IReadOnlyList<(string Label, string Url)> Answers { get; init; } = [];
    }

    /// <summary>The message of a notification of <paramref name="kind"/> for <paramref name="to"/>, or null for a kind not mailed.</summary>
    public OutgoingMail? Compose(string kind, long seq, object? data, MailSubject about, Recipient to, DateTime now)
    {
        if (to.Mode == MailMode.Off || MailKinds.Find(kind) is not { } mailKind)
        {
            return null;
        }

        var french = to.Language == "fr";
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        return InCulture(french, () => Draft(kind, data, about, to, french, zone)) is { } draft
            ? Written(draft, french, kind, seq, to, now, about, held: to.Mode == MailMode.Digest && !mailKind.Invitation)
            : null;
    }

    /// <summary>
    /// One message gathering what a person takes as a digest since the last one: each item's subject and link, in
    /// the order they happened.
    /// </summary>
    public OutgoingMail ComposeDigest(Recipient to, IReadOnlyList<OutgoingMail> items, DateTime now)
    {
        var french = to.Language == "fr";
        var zone = MeetingZones.Described(to.TimeZone ?? MeetingZones.Utc);
        var (subject, intro, settings) = InCulture(french, () => french
            ? ($"Votre résumé du jour : {items.Count} nouvelle{(items.Count > 1 ? "s" : "")}",
                $"Bonjour {to.DisplayName}, voici ce qui s'est passé dans l'espace de travail jusqu'au {Times.DayAndTime(new DateTimeOffset(now), zone)} ({Times.City(zone)}) :",
                "Choisir ce qui vous est envoyé")
            : ($"Your daily digest: {items.Count} update{(items.Count > 1 ? "s" : "")}",
                $"Dear {to.DisplayName}, here is what happened in the workspace up to {Times.DayAndTime(new DateTimeOffset(now), zone)} ({Times.City(zone)}):",
                "Choose what is mailed to you"));
        var settingsLink = new Uri(url.Base, "settings/mail").ToString();
        var (stop, why) = Footer(french, MailKinds.Digest, to);
        var enc = HtmlEncoder.Default;
        return new OutgoingMail
        {
            Kind = MailKinds.Digest,
            PersonId = to.Id,
            To = to.Email,
            ToName = to.DisplayName,
            Subject = subject,
            Text = intro + "\n\n" + string.Concat(items.Select(i => $"* {i.Subject}\n  {i.Link}\n")) + $"\n{settings}: {settingsLink}\n\n-- \n{why}\n{TextLink(stop)}\n",
            Html = Html(french, $"<p>{enc.Encode(intro)}</p><ul>" + string.Concat(items.Select(i => $"<li><a href=\"{enc.Encode(i.Link)}\">{enc.Encode(i.Subject)}</a></li>")) + "</ul>"
                + $"<p><a href=\"{enc.Encode(settingsLink)}\">{enc.Encode(settings)}</a></p>", why, stop),
            Link = settingsLink,
            Unsubscribe = links.OneClickUnsubscribe(to.Id, MailKinds.Digest),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    private Message? Draft(string kind, object? data, MailSubject about, Recipient to, bool french, string zone)
    {
        var title = about.Title;
        string When(DateTimeOffset at) => InZones(at, zone);
        string Paper(Guid paperId, string? path = null) => new Uri(url.Base, $"{path ?? "papers"}/{paperId}").ToString();
        string Moderation(Guid consultationId) => new Uri(url.Base, $"consultations/{consultationId}/moderation").ToString();
        var (open, dear) = french ? ("Ouvrir le document", $"Bonjour {to.DisplayName},") : ("Open the paper", $"Dear {to.DisplayName},");
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
                return french
                    ? new($"Publié : {title}", [dear, $"« {title} » est publié."], "Lire la publication", Paper(published.PaperId, "publications"))
                    : new($"Published: {title}", [dear, $"\"{title}\" is published."], "Read the publication", Paper(published.PaperId, "publications"));
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
                var diff = new Uri(url.Base, $"papers/{proposed.PaperId}?revision={into}&compare={from}").ToString();
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
            case ("consultation-comment", ConsultationCommentConfirmed confirmed):
                return french
                    ? new($"Commentaire à modérer : {title}", [dear, $"Un commentaire public sur « {title} » attend la modération."], "Voir les commentaires", Moderation(confirmed.ConsultationId))
                    : new($"Comment to moderate: {title}", [dear, $"A public comment on \"{title}\" waits for moderation."], "See the comments", Moderation(confirmed.ConsultationId));
            case ("consultation-closed", ConsultationClosed closed):
                return french
                    ? new($"Consultation close : {title}", [dear, $"La consultation publique sur « {title} » est close."], "Voir les commentaires", Moderation(closed.ConsultationId))
                    : new($"Consultation closed: {title}", [dear, $"The public consultation on \"{title}\" is closed."], "See the comments", Moderation(closed.ConsultationId));
            case ("alternate-named", AlternateNamed named):
                var settingsPage = new Uri(url.Base, "settings/alternate").ToString();
                return french
                    ? new("Vous êtes désigné(e) suppléant(e)", [dear, $"{named.Email} vous a désigné(e) comme suppléant(e) du {When(named.From)} au {When(named.To)} : vous pouvez agir en son nom, et vos actes porteront vos deux noms."], "Voir", settingsPage)
                    : new("You are named an alternate", [dear, $"{named.Email} named you their alternate from {When(named.From)} to {When(named.To)}: you may act for them, and your acts will carry both names."], "See", settingsPage);
            case ("action-item-assigned" or "action-item-due", ActionItemEvent item):
                var owner = item.OwnerAgencyCode;
                var due = item.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);
                var items = new Uri(url.Base, $"action-items?agency={owner}").ToString();
                var (openItems, isOverdue) = (french ? "Ouvrir les actions" : "Open the action items", item.Change == "overdue");
                return (kind, french) switch
                {
                    ("action-item-assigned", true) => new($"Action confiée à {owner} : {title}", [dear, $"Votre organisation ({owner}) est chargée d'une action : {title}.", $"Échéance : {due}."], openItems, items),
                    ("action-item-assigned", false) => new($"Action item for {owner}: {title}", [dear, $"Your agency ({owner}) owns a new action item: {title}.", $"Due: {due}."], openItems, items),
                    (_, true) => new($"{(isOverdue ? "En retard" : "Bientôt due")} : {title}", [dear, isOverdue ? $"L'action « {title} » de {owner} était due le {due}." : $"L'action « {title} » de {owner} est due le {due}."], openItems, items),
                    _ => new($"{(isOverdue ? "Overdue" : "Due soon")}: {title}", [dear, isOverdue ? $"The action item \"{title}\" of {owner} was due on {due}." : $"The action item \"{title}\" of {owner} is due on {due}."], openItems, items),
                };
            case ("poll-opened" or "poll-reminder", _) when about.Poll is { } poll:
                var pollLink = new Uri(url.Base, $"polls/{poll.Id}").ToString();
                var times = poll.Slots.OrderBy(x => x.StartsAt).Select(x => "- " + Slot(x.StartsAt, poll.TimeZone, zone)).ToArray();
                var answerBy = InZones(poll.Deadline.AsUtcInstant(), zone);
                return (kind, french) switch
                {
                    ("poll-opened", true) => new($"Quand pouvez-vous vous réunir ? {title}", [dear, $"Votre organisation ({to.AgencyCode}) est invitée à « {title} ». Les horaires proposés, dans votre fuseau horaire :", .. times, $"Répondre avant : {answerBy}."], "Répondre", pollLink),
                    ("poll-opened", false) => new($"When can you meet? {title}", [dear, $"Your agency ({to.AgencyCode}) is invited to \"{title}\". The times proposed, in your time zone:", .. times, $"Answer by: {answerBy}."], "Answer", pollLink),
                    (_, true) => new($"Rappel : quand pouvez-vous vous réunir ? {title}", [dear, $"Votre organisation ({to.AgencyCode}) n'a pas encore répondu pour « {title} ».", $"Répondre avant : {answerBy}."], "Répondre", pollLink),
                    _ => new($"Reminder: when can you meet? {title}", [dear, $"Your agency ({to.AgencyCode}) has not yet answered for \"{title}\".", $"Answer by: {answerBy}."], "Answer", pollLink),
                };
            case ("meeting-scheduled" or "meeting-rescheduled" or "meeting-cancelled" or "meeting-reminder", _) when about.Meeting is { } meeting:
                return Meeting(kind, meeting, to, french, zone, dear);
            default:
                return null;
        }
    }

    /// <summary>A meeting added, moved, cancelled or coming: a few lines, answer links, and the invitation calendars act on by themselves.</summary>
    private Message Meeting(string kind, Meeting meeting, Recipient to, bool french, string zone, string dear)
    {
        var meetingZone = MeetingZones.Described(meeting.TimeZone);
        var starts = new DateTimeOffset(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc));
        var link = new Uri(url.Base, $"meetings/{meeting.Id}").ToString();
        var when = $"{Times.DayAndTime(starts, meetingZone)} ({Times.City(meetingZone)})"
            + (zone == meetingZone ? "" : $", {Times.DayAndTime(starts, zone)} ({Times.City(zone)})");
        var (subject, lead) = (kind, french) switch
        {
            ("meeting-cancelled", true) => ($"Annulée : {meeting.Title}", $"La réunion « {meeting.Title} » du {when} est annulée."),
            ("meeting-cancelled", false) => ($"Cancelled: {meeting.Title}", $"The meeting \"{meeting.Title}\" of {when} is cancelled."),
            ("meeting-rescheduled", true) => ($"Invitation modifiée : {meeting.Title}", $"La réunion « {meeting.Title} » est déplacée : {when}, {meeting.DurationMinutes} min."),
            ("meeting-rescheduled", false) => ($"Updated invitation: {meeting.Title}", $"The meeting \"{meeting.Title}\" is moved: {when}, {meeting.DurationMinutes} min."),
            ("meeting-reminder", true) => ($"Rappel : {meeting.Title}", $"Rappel : « {meeting.Title} », {when}, {meeting.DurationMinutes} min."),
            ("meeting-reminder", false) => ($"Reminder: {meeting.Title}", $"Reminder: \"{meeting.Title}\", {when}, {meeting.DurationMinutes} min."),
            (_, true) => ($"Invitation : {meeting.Title}", $"Votre organisation ({to.AgencyCode}) est invitée à « {meeting.Title} » : {when}, {meeting.DurationMinutes} min."),
            _ => ($"Invitation: {meeting.Title}", $"Your agency ({to.AgencyCode}) is invited to \"{meeting.Title}\": {when}, {meeting.DurationMinutes} min."),
        };
        var lines = new List<string> { dear, lead };
        List<(string, string)> answers = [];
        if (kind is "meeting-scheduled" or "meeting-rescheduled")
        {
            lines.Add(french ? "Votre agenda l'ajoute ou le déplace de lui-même (invitation jointe). Répondre :" : "Your calendar adds or moves it by itself (invitation attached). Answer:");
            answers.AddRange(new[] { ("Accepted", "Accept", "Accepter"), ("Tentative", "Tentative", "Peut-être"), ("Declined", "Decline", "Refuser") }
                .Select(a => (french ? a.Item3 : a.Item2, links.Rsvp(to.Id, meeting.Id, a.Item1, meeting.StartsAt))));
        }
        else if (kind == "meeting-cancelled")
        {
            lines.Add(french ? "Votre agenda la retire de lui-même." : "Your calendar removes it by itself.");
        }

        return new Message(subject, [.. lines], french ? "Ouvrir la réunion" : "Open the meeting", link) { Answers = answers };
    }

    /// <summary>A proposed time in the reader's zone, marked when it falls early or late there, with the organizer's reading.</summary>
    private static string Slot(DateTime startsAt, string pollZone, string zone)
    {
        var at = startsAt.AsUtcInstant();
        var french = CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr";
        var mark = Times.OddHour(at, zone) switch
        {
            "early" => french ? " (tôt)" : " (early)",
            "late" => french ? " (tard)" : " (late)",
            _ => "",
        };
        return $"{Times.DayAndTime(at, zone)} ({Times.City(zone)}){mark}" + (zone == pollZone ? "" : $", {Times.DayAndTime(at, pollZone)} ({Times.City(pollZone)})");
    }

    private static string InZones(DateTimeOffset at, string zone) =>
        $"{Times.DayAndTime(at, zone)} ({Times.City(zone)})" + (zone == MeetingZones.Utc ? "" : $", {Times.DayAndTime(at, MeetingZones.Utc)} UTC");

    /// <summary>
    /// To someone without an account who commented on a consultation: the link that confirms their address, in
    /// English and French (their language is unknown), valid until the consultation closes.
    /// </summary>
    public OutgoingMail CommentConfirmation(Domain.Consultations.ConsultationComment comment, Domain.Consultations.Consultation consultation, DateTime now)
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

    /// <summary>Why the reader receives it, and the link that stops this kind.</summary>
    private ((string Label, string Url) Stop, string Why) Footer(bool french, string kind, Recipient to)
    {
        var page = links.UnsubscribePage(to.Id, kind);
        return french
            ? (("Ne plus recevoir ce type de message", page), $"Vous recevez ce message en tant que point focal de {to.AgencyCode} dans l'espace de travail inter-agences.")
            : (("Stop this kind of mail", page), $"You receive this as a focal point of {to.AgencyCode} in the Inter-Agency Workspace.");
    }

    /// <summary>The paragraphs as plain text and HTML, with the link, why they receive it and how to stop it.</summary>
    private OutgoingMail Written(Message draft, bool french, string kind, long seq, Recipient to, DateTime now, MailSubject about, bool held)
    {
        var (stop, why) = Footer(french, kind, to);
        var enc = HtmlEncoder.Default;
        return new OutgoingMail
        {
            Kind = kind,
            EventSeq = seq,
            PersonId = to.Id,
            To = to.Email,
            ToName = to.DisplayName,
            Subject = draft.Subject,
            Text = string.Join("\n\n", [.. draft.Lines, .. draft.Answers.Select(TextLink)]) + $"\n\n{draft.Open}: {draft.Link}\n\n-- \n{why}\n{TextLink(stop)}\n",
            Html = Html(french, string.Concat(draft.Lines.Select(l => $"<p>{enc.Encode(l)}</p>")) + string.Concat(draft.Answers.Select(a => $"<p>{HtmlLink(a)}</p>"))
                + $"<p>{HtmlLink((draft.Open, draft.Link))}</p>", why, stop),
            Link = draft.Link,
            Unsubscribe = links.OneClickUnsubscribe(to.Id, kind),
            Calendar = about.Calendar,
            CalendarMethod = about.CalendarMethod,
            HeldForDigest = held,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    private static string TextLink((string Label, string Url) link) => $"{link.Label}: {link.Url}";

    /// <summary>A link of the composer's own, as HTML: only these fields ever become an <c>href</c>.</summary>
    private static string HtmlLink((string Label, string Url) link) =>
        $"<a href=\"{HtmlEncoder.Default.Encode(link.Url)}\">{HtmlEncoder.Default.Encode(link.Label)}</a>";

    private static string Html(bool french, string body, string why, (string Label, string Url) stop) =>
        $"<!DOCTYPE html><html lang=\"{(french ? "fr" : "en")}\"><body>{body}<hr><p><small>{HtmlEncoder.Default.Encode(why)}<br>{HtmlLink(stop)}</small></p></body></html>";

    /// <summary>Dates and numbers written as the reader's language writes them.</summary>
    private static T InCulture<T>(bool french, Func<T> write)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB");
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
