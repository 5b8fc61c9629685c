using System.Globalization;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.ActionItems;

/// <summary>What an agency's people are told of its action items: one assigned, one due soon or overdue.</summary>
internal sealed class ActionItemNotices : INoticeTemplates
{
    public int Order => 4;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("action-item-assigned", MailMode.Immediate, false, "An action item assigned to my agency", "Une action confiée à mon organisation"),
        new("action-item-due", MailMode.Immediate, false, "An action item of my agency due soon or overdue", "Une action de mon organisation bientôt due ou en retard"),
    ];

    public async Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) =>
        new(Guid.TryParse(subject.Id, out var id) ? await db.ActionItems.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(ct) ?? "" : "");

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        if (data is not ActionItemEvent item)
        {
            return null;
        }

        var (title, dear) = (about.Title, reader.Dear);
        var owner = item.OwnerAgencyCode;
        var due = item.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);
        var items = reader.Page($"action-items?agency={owner}");
        var (openItems, isOverdue) = (reader.French ? "Ouvrir les actions" : "Open the action items", item.Change == "overdue");
        return (kind, reader.French) switch
        {
            ("action-item-assigned", true) => new($"Action confiée à {owner} : {title}", [dear, $"Votre organisation ({owner}) est chargée d'une action : {title}.", $"Échéance : {due}."], openItems, items),
            ("action-item-assigned", false) => new($"Action item for {owner}: {title}", [dear, $"Your agency ({owner}) owns a new action item: {title}.", $"Due: {due}."], openItems, items),
            (_, true) => new($"{(isOverdue ? "En retard" : "Bientôt due")} : {title}", [dear, isOverdue ? $"L'action « {title} » de {owner} était due le {due}." : $"L'action « {title} » de {owner} est due le {due}."], openItems, items),
            _ => new($"{(isOverdue ? "Overdue" : "Due soon")}: {title}", [dear, isOverdue ? $"The action item \"{title}\" of {owner} was due on {due}." : $"The action item \"{title}\" of {owner} is due on {due}."], openItems, items),
        };
    }
}
