using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Features.Meetings;

/// <summary>Who may see, answer and organize meetings.</summary>
public sealed class MeetingAccess(WorkspaceDb db, ICurrentUser me, CoChairs coChairs)
{
    public async Task<bool> MayConveneAsync(MeetingKind? kind, Guid? workingGroupId, CancellationToken ct)
    {
        if (me.IsSecretariat || await coChairs.IsCoChairAsync(me.AgencyCode, ct))
        {
            return true;
        }

        return kind == MeetingKind.WorkingGroup && workingGroupId is { } id
            && await db.WorkingGroups.AnyAsync(g => g.Id == id && g.LeadAgencyCode == me.AgencyCode, ct);
    }

    /// <summary>
    /// Whether the agencies named may be invited by the caller: by anyone for the secretariat and the co-chairs; a
    /// working group's lead, who convenes only by that power, names the group's members (and its own agency) only.
    /// </summary>
    public async Task<bool> MayInviteAsync(Guid? workingGroupId, IReadOnlyList<string>? invited, CancellationToken ct)
    {
        if (invited is null || workingGroupId is not { } id || me.IsSecretariat || await coChairs.IsCoChairAsync(me.AgencyCode, ct))
        {
            return true;
        }

        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.LeadAgencyCode, g.MemberAgencyCodes }).SingleOrDefaultAsync(ct);
        return group is not null && invited.All(code => code == group.LeadAgencyCode || group.MemberAgencyCodes.Contains(code));
    }

    /// <summary>The meeting's kind, group and invited agencies, or 404 when it does not exist or is not visible.</summary>
    public async Task<(MeetingKind Kind, Guid? WorkingGroupId, bool Invited)> VisibleAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.Kind, m.WorkingGroupId, m.InvitedAgencyCodes }).SingleOrDefaultAsync(ct);
        var invited = meeting is not null && meeting.InvitedAgencyCodes.Contains(me.AgencyCode);
        return meeting is null || (!invited && !me.IsSecretariat)
            ? throw new NotFoundException("meeting", meetingId.ToString())
            : (meeting.Kind, meeting.WorkingGroupId, invited);
    }

    public IQueryable<Meeting> Visible(IQueryable<Meeting> meetings)
    {
        if (me.IsSecretariat)
        {
            return meetings;
        }

        var agency = me.AgencyCode;
        return meetings.Where(m => m.InvitedAgencyCodes.Contains(agency));
    }

    /// <summary>A poll's kind, group and whether the caller's agency is invited, or 404 when it does not exist or is not visible.</summary>
    public async Task<(MeetingKind Kind, Guid? WorkingGroupId, bool Invited)> PollVisibleAsync(Guid pollId, CancellationToken ct)
    {
        var poll = await db.Polls.AsNoTracking().Where(p => p.Id == pollId)
            .Select(p => new { p.Kind, p.WorkingGroupId, p.InvitedAgencyCodes }).SingleOrDefaultAsync(ct);
        var invited = poll is not null && poll.InvitedAgencyCodes.Contains(me.AgencyCode);
        return poll is null || (!invited && !me.IsSecretariat)
            ? throw new NotFoundException("poll", pollId.ToString())
            : (poll.Kind, poll.WorkingGroupId, invited);
    }

    public IQueryable<Poll> Visible(IQueryable<Poll> polls)
    {
        if (me.IsSecretariat)
        {
            return polls;
        }

        var agency = me.AgencyCode;
        return polls.Where(p => p.InvitedAgencyCodes.Contains(agency));
    }
}
