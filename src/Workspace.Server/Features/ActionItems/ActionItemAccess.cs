using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Meetings;

namespace Workspace.Server.Features.ActionItems;

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
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.OwnerAgencyCode, m.Kind, m.WorkingGroupId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("action item", actionItemId.ToString());
        if (!await MayChangeAsync(item.OwnerAgencyCode, item.Kind, item.WorkingGroupId, ct))
        {
            throw new ForbiddenException($"This action item belongs to {item.OwnerAgencyCode}; only its people, those who convene the meeting and the secretariat change it.");
        }
    }

    /// <summary>The rule itself: the owner agency's people, those who may convene the meeting (the secretariat among them).</summary>
    public async Task<bool> MayChangeAsync(string ownerAgencyCode, MeetingKind meetingKind, Guid? workingGroupId, CancellationToken ct) =>
        ownerAgencyCode == me.AgencyCode || await meetings.MayConveneAsync(meetingKind, workingGroupId, ct);
}
