using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Meetings;

namespace Workspace.Server.Features.Polls;

public sealed record PollAnswerView(string AgencyCode, string Email, PollAnswerKind Answer);

/// <param name="StartsAt">With the offset of the poll's zone at that instant.</param>
public sealed record PollSlotView(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Yes, int IfNeedBe, int No, IReadOnlyList<PollAnswerView> Answers);

/// <param name="SilentAgencyCodes">Invited agencies none of whose people has answered.</param>
/// <param name="MayAnswer">The caller's agency is invited and answers are still taken.</param>
/// <param name="MayPick">The caller may convene the meeting and the poll is open.</param>
public sealed record PollView(
    Guid Id, string Title, MeetingKind Kind, Guid? WorkingGroupId, string TimeZone, int DurationMinutes, DateTimeOffset Deadline, PollStatus Status,
    Guid? MeetingId, Guid? PickedSlotId, string Organizer, string OrganizerAgencyCode, IReadOnlyList<string> InvitedAgencyCodes,
    IReadOnlyList<string> SilentAgencyCodes, IReadOnlyList<PollSlotView> Slots, bool MayAnswer, bool MayPick);

public static class PollViews
{
    public static async Task<PollView> ViewAsync(this Poll poll, ICurrentUser me, MeetingAccess meetings, DateTime now, CancellationToken ct)
    {
        var open = poll.Status == PollStatus.Open;
        var slots = poll.Slots.OrderBy(s => s.StartsAt).Select(s =>
        {
            var answers = poll.Answers.Where(a => a.SlotId == s.Id).OrderBy(a => a.AgencyCode, StringComparer.Ordinal).ThenBy(a => a.Email, StringComparer.Ordinal)
                .Select(a => new PollAnswerView(a.AgencyCode, a.Email, a.Answer)).ToList();
            return new PollSlotView(s.Id, MeetingTime.InZone(s.StartsAt, poll.TimeZone), MeetingTime.InZone(s.StartsAt.AddMinutes(poll.DurationMinutes), poll.TimeZone),
                answers.Count(a => a.Answer == PollAnswerKind.Yes), answers.Count(a => a.Answer == PollAnswerKind.IfNeedBe), answers.Count(a => a.Answer == PollAnswerKind.No),
                answers);
        }).ToList();
        return new PollView(poll.Id, poll.Title, poll.Kind, poll.WorkingGroupId, poll.TimeZone, poll.DurationMinutes, MeetingTime.InZone(poll.Deadline, poll.TimeZone),
            poll.Status, poll.MeetingId, poll.PickedSlotId, poll.Organizer, poll.OrganizerAgencyCode, poll.InvitedAgencyCodes, poll.SilentAgencyCodes, slots,
            open && now < poll.Deadline && poll.InvitedAgencyCodes.Contains(me.AgencyCode),
            open && await meetings.MayConveneAsync(poll.Kind, poll.WorkingGroupId, ct));
    }

    public static async Task<Poll> LoadPollAsync(this WorkspaceDb db, Guid id, CancellationToken ct) =>
        await db.Polls.Include(p => p.Slots).Include(p => p.Answers).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException("poll", id.ToString());
}
