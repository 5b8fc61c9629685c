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
public sealed record Meeting(Guid Id, string Title, string Kind, Guid? WorkingGroupId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes,
    string TimeZone, IReadOnlyList<string> InvitedAgencyCodes, string Organizer, string OrganizerAgencyCode, string Status, int Sequence,
    IReadOnlyList<AgendaItem> Agenda, IReadOnlyList<Rsvp> Rsvps, Guid? MinutesPaperId);
