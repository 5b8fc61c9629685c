namespace Workspace.Client;

/// <summary>An item of a meeting's agenda.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Position">1, 2, … in order.</param>
/// <param name="Title">What is discussed.</param>
/// <param name="PresenterAgencyCode">The agency presenting it, if any.</param>
public sealed record AgendaItem(Guid Id, int Position, string Title, string? PresenterAgencyCode);

/// <summary>A person's answer to an invitation.</summary>
/// <param name="AgencyCode">Their agency.</param>
/// <param name="Email">Who answered.</param>
/// <param name="Response"><c>Accepted</c>, <c>Declined</c> or <c>Tentative</c>.</param>
/// <param name="At">When.</param>
public sealed record Rsvp(string AgencyCode, string Email, string Response, DateTimeOffset At);

/// <summary>A meeting of the group.</summary>
/// <param name="Id">Identifier (and the stable calendar UID).</param>
/// <param name="Title">Title.</param>
/// <param name="Kind"><c>Plenary</c>, <c>Heads</c> or <c>WorkingGroup</c>.</param>
/// <param name="WorkingGroupId">For working-group meetings, the group.</param>
/// <param name="StartsAt">Start, with the offset of <paramref name="TimeZone"/> at that instant.</param>
/// <param name="EndsAt">End, likewise.</param>
/// <param name="DurationMinutes">Length.</param>
/// <param name="TimeZone">The organizer's IANA time zone.</param>
/// <param name="InvitedAgencyCodes">Invited agencies.</param>
/// <param name="Organizer">Who convened it.</param>
/// <param name="OrganizerAgencyCode">Their agency.</param>
/// <param name="Status"><c>Scheduled</c> or <c>Cancelled</c>.</param>
/// <param name="Sequence">Grows with every reschedule and the cancellation.</param>
/// <param name="Agenda">The agenda.</param>
/// <param name="Rsvps">Every answer.</param>
/// <param name="MinutesPaperId">The minutes paper, once drafted.</param>
/// <param name="Venue">Where people meet: address, building, room.</param>
/// <param name="OnlineUrl">The link to join online (the invited only see meetings at all).</param>
public sealed record Meeting(Guid Id, string Title, string Kind, Guid? WorkingGroupId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes,
    string TimeZone, IReadOnlyList<string> InvitedAgencyCodes, string Organizer, string OrganizerAgencyCode, string Status, int Sequence,
    IReadOnlyList<AgendaItem> Agenda, IReadOnlyList<Rsvp> Rsvps, Guid? MinutesPaperId, string? Venue = null, string? OnlineUrl = null);

/// <summary>An agenda item given with a new meeting.</summary>
/// <param name="Title">What is discussed.</param>
/// <param name="PresenterAgencyCode">The invited agency that presents it, if any.</param>
public sealed record NewAgendaItem(string Title, string? PresenterAgencyCode = null);

/// <summary>What an agency promised at a meeting.</summary>
/// <param name="Id">Its identifier.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="MeetingTitle">The meeting's title.</param>
/// <param name="AgendaItemId">The agenda item, if any.</param>
/// <param name="AgendaItemTitle">The agenda item's title.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="OwnerAgencyCode">The agency that owns it.</param>
/// <param name="DueDate">The day it is due, in the meeting's zone.</param>
/// <param name="DueAt">The end of that day.</param>
/// <param name="Status"><c>Open</c>, <c>Done</c> or <c>Dropped</c>.</param>
/// <param name="Overdue">Open and past its due day.</param>
/// <param name="CreatedBy">Who recorded it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Comments">Its comments, oldest first.</param>
/// <param name="MayChange">Whether the caller may change its status.</param>
public sealed record ActionItem(Guid Id, Guid MeetingId, string MeetingTitle, Guid? AgendaItemId, string? AgendaItemTitle, string Title, string OwnerAgencyCode,
    DateOnly DueDate, DateTimeOffset DueAt, string Status, bool Overdue, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ActionItemComment> Comments, bool MayChange);

/// <summary>A comment on an action item.</summary>
/// <param name="Id">Its identifier.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="AgencyCode">For which agency.</param>
/// <param name="Text">What it says.</param>
/// <param name="CreatedAt">When.</param>
public sealed record ActionItemComment(Guid Id, string Author, string AgencyCode, string Text, DateTimeOffset CreatedAt);

/// <summary>Times proposed for a meeting and every invited agency's answers.</summary>
/// <param name="Id">Its identifier.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="Kind">The meeting's kind.</param>
/// <param name="WorkingGroupId">The group, for a working-group meeting.</param>
/// <param name="TimeZone">The organizer's zone, in which the times are proposed.</param>
/// <param name="DurationMinutes">How long the meeting lasts.</param>
/// <param name="Deadline">Answers are taken until then.</param>
/// <param name="Status"><c>Open</c>, or <c>Closed</c> once a time is picked.</param>
/// <param name="MeetingId">The meeting scheduled from the time picked.</param>
/// <param name="PickedSlotId">The time picked.</param>
/// <param name="Organizer">Who proposed the times.</param>
/// <param name="OrganizerAgencyCode">For which agency.</param>
/// <param name="InvitedAgencyCodes">The agencies asked.</param>
/// <param name="SilentAgencyCodes">Those that have not answered.</param>
/// <param name="Slots">The times, earliest first.</param>
/// <param name="MayAnswer">Whether the caller may answer.</param>
/// <param name="MayPick">Whether the caller may pick a time.</param>
public sealed record Poll(Guid Id, string Title, string Kind, Guid? WorkingGroupId, string TimeZone, int DurationMinutes, DateTimeOffset Deadline, string Status,
    Guid? MeetingId, Guid? PickedSlotId, string Organizer, string OrganizerAgencyCode, IReadOnlyList<string> InvitedAgencyCodes,
    IReadOnlyList<string> SilentAgencyCodes, IReadOnlyList<PollSlot> Slots, bool MayAnswer, bool MayPick);

/// <summary>One time proposed.</summary>
/// <param name="Id">Its identifier.</param>
/// <param name="StartsAt">The start, with the offset of the poll's zone.</param>
/// <param name="EndsAt">The end.</param>
/// <param name="Yes">How many said yes.</param>
/// <param name="IfNeedBe">How many said if need be.</param>
/// <param name="No">How many said no.</param>
/// <param name="Answers">Every answer.</param>
public sealed record PollSlot(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Yes, int IfNeedBe, int No, IReadOnlyList<PollAnswer> Answers);

/// <summary>A person's answer to one time.</summary>
/// <param name="AgencyCode">For which agency.</param>
/// <param name="Email">Who.</param>
/// <param name="Answer"><c>Yes</c>, <c>IfNeedBe</c> or <c>No</c>.</param>
public sealed record PollAnswer(string AgencyCode, string Email, string Answer);
