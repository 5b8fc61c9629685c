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
        new("action-item-assigned", MailMode.Immediate, false, "An action item assigned to my agency"),
        new("action-item-due", MailMode.Immediate, false, "An action item of my agency due soon or overdue"),
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
        var (t, isOverdue) = (reader.T, item.Change == "overdue");
        var openItems = t["Open the action items"];
        return kind == "action-item-assigned"
            ? new(t["Action item for {0}: {1}", owner, title], [dear, t["Your agency ({0}) owns a new action item: {1}.", owner, title], t["Due: {0}.", due]], openItems, items)
            : isOverdue
                ? new(t["Overdue: {0}", title], [dear, t["The action item \"{0}\" of {1} was due on {2}.", title, owner, due]], openItems, items)
                : new(t["Due soon: {0}", title], [dear, t["The action item \"{0}\" of {1} is due on {2}.", title, owner, due]], openItems, items);
    }
}
