using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Features.ActionItems;

public sealed record ActionItemCommentView(Guid Id, string Author, string AgencyCode, string Text, DateTimeOffset CreatedAt);

/// <param name="DueDate">The day it is due, in the meeting's zone.</param>
/// <param name="DueAt">The end of that day: past it, an open item is overdue.</param>
/// <param name="MayChange">Whether the caller may change its status (its owner agency, the meeting's convenors, the secretariat).</param>
public sealed record ActionItemView(
    Guid Id, Guid MeetingId, string MeetingTitle, Guid? AgendaItemId, string? AgendaItemTitle, string Title, string OwnerAgencyCode,
    DateOnly DueDate, DateTimeOffset DueAt, ActionItemStatus Status, bool Overdue, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ActionItemCommentView> Comments, bool MayChange);

public static class ActionItemViews
{
    /// <summary>The views of <paramref name="items"/> for the caller, with their meetings' titles and what the caller may do.</summary>
    public static async Task<IReadOnlyList<ActionItemView>> ForAsync(this IQueryable<ActionItem> items, WorkspaceDb db, ActionItemAccess access,
        DateTime now, CancellationToken ct)
    {
        var rows = await items.AsNoTracking().Include(a => a.Comments).AsSplitQuery().ToListAsync(ct);
        var meetingIds = rows.Select(r => r.MeetingId).Distinct().ToList();
        var meetingRows = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Kind, m.WorkingGroupId }).ToDictionaryAsync(m => m.Id, ct);
        var agendaIds = rows.Where(r => r.AgendaItemId != null).Select(r => r.AgendaItemId!.Value).Distinct().ToList();
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => agendaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var mayChange = new HashSet<Guid>();
        foreach (var a in rows)
        {
            var meeting = meetingRows[a.MeetingId];
            if (await access.MayChangeAsync(a.OwnerAgencyCode, meeting.Kind, meeting.WorkingGroupId, ct))
            {
                mayChange.Add(a.Id);
            }
        }

        return [.. rows.Select(a => new ActionItemView(
            a.Id, a.MeetingId, meetingRows[a.MeetingId].Title, a.AgendaItemId, a.AgendaItemId is { } g ? agenda.GetValueOrDefault(g) : null, a.Title, a.OwnerAgencyCode,
            a.DueDate, a.DueAt.AsUtcInstant(), a.Status, a.IsOverdue(now), a.CreatedBy, a.CreatedAt.AsUtcInstant(), a.UpdatedAt.AsUtcInstant(),
            [.. a.Comments.OrderBy(c => c.CreatedAt).Select(c => new ActionItemCommentView(c.Id, c.Author, c.AgencyCode, c.Text, c.CreatedAt.AsUtcInstant()))],
            mayChange.Contains(a.Id)))];
    }

    public static async Task<ActionItemView> ViewAsync(this WorkspaceDb db, Guid id, ActionItemAccess access, DateTime now, CancellationToken ct) =>
        (await db.ActionItems.Where(a => a.Id == id).ForAsync(db, access, now, ct)).Single();

    public static async Task<ActionItem> LoadActionItemAsync(this WorkspaceDb db, Guid id, CancellationToken ct) =>
        await db.ActionItems.Include(a => a.Comments).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("action item", id.ToString());
}
