using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Auth;

/// <summary>Who may see and change action items: as their meeting, seen by its invited agencies; changed by owners and convenors.</summary>
public sealed class ActionItemAccess(WorkspaceDb db, ICurrentUser me, MeetingAccess meetings)
{
    public IQueryable<ActionItem> Visible(IQueryable<ActionItem> items)
    {
        if (me.IsSecretariat)
        {
            return items;
        }

        var agency = me.AgencyCode;
        return items.Where(a => a.AudienceAgencyCodes.Contains(agency));
    }

    /// <summary>404 unless the caller may see the item.</summary>
    public async Task VisibleAsync(Guid actionItemId, CancellationToken ct)
    {
        if (!await Visible(db.ActionItems.AsNoTracking()).AnyAsync(a => a.Id == actionItemId, ct))
        {
            throw new NotFoundException("action item", actionItemId.ToString());
        }
    }

    /// <summary>404 unless visible; 403 unless the caller's agency owns it, or the caller may convene its meeting.</summary>
    public async Task MayChangeAsync(Guid actionItemId, CancellationToken ct)
    {
        var item = await Visible(db.ActionItems.AsNoTracking()).Where(a => a.Id == actionItemId)
            .Select(a => new { a.OwnerAgencyCode, a.MeetingId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("action item", actionItemId.ToString());
        if (me.IsSecretariat || item.OwnerAgencyCode == me.AgencyCode)
        {
            return;
        }

        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == item.MeetingId).Select(m => new { m.Kind, m.WorkingGroupId }).SingleAsync(ct);
        if (!await meetings.MayConveneAsync(meeting.Kind, meeting.WorkingGroupId, ct))
        {
            throw new ForbiddenException($"This action item belongs to {item.OwnerAgencyCode}; only its people, those who convene the meeting and the secretariat change it.");
        }
    }
}
