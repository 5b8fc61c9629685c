namespace Workspace.Server.Domain.Meetings;

/// <summary>A meeting was scheduled and its agencies invited.</summary>
public sealed record MeetingScheduled(Guid MeetingId, string Title, string Kind, DateTimeOffset StartsAt, int DurationMinutes, string TimeZone,
    IReadOnlyList<string> InvitedAgencyCodes, string Status, int Sequence) : IEventData
{
    public static string Type => "meeting.scheduled";
}

/// <summary>A meeting moved (its sequence grows with each move).</summary>
public sealed record MeetingRescheduled(Guid MeetingId, string Title, string Kind, DateTimeOffset StartsAt, int DurationMinutes, string TimeZone,
    IReadOnlyList<string> InvitedAgencyCodes, string Status, int Sequence) : IEventData
{
    public static string Type => "meeting.rescheduled";
}

/// <summary>One slot's answer in a poll.</summary>
public sealed record PollSlotAnswer(Guid SlotId, string Answer);

/// <summary>A person answered a poll for their agency, slot by slot.</summary>
public sealed record PollAnswered(Guid PollId, string AgencyCode, string Email, IReadOnlyList<PollSlotAnswer> Answers) : IEventData
{
    public static string Type => "poll.answered";
}

/// <summary>A meeting was cancelled (its sequence grows, so calendars take the cancellation over the invitation).</summary>
public sealed record MeetingCancelled(Guid MeetingId, string Title, string Kind, DateTimeOffset StartsAt, int DurationMinutes, string TimeZone,
    IReadOnlyList<string> InvitedAgencyCodes, string Status, int Sequence) : IEventData
{
    public static string Type => "meeting.cancelled";
}

/// <summary>An item was added to a meeting's agenda, at its position.</summary>
public sealed record AgendaItemAdded(Guid MeetingId, Guid ItemId, string Title, string? PresenterAgencyCode, int Position) : IEventData
{
    public static string Type => "meeting.agenda-item-added";
}

/// <summary>A person answered a meeting's invitation.</summary>
public sealed record RsvpRecorded(Guid MeetingId, string AgencyCode, string Email, string Response) : IEventData
{
    public static string Type => "meeting.rsvp-recorded";
}

/// <summary>The invited were reminded of a coming meeting.</summary>
public sealed record MeetingReminded(Guid MeetingId, DateTimeOffset StartsAt) : IEventData
{
    public static string Type => "meeting.reminder";
}

/// <summary>A poll asked the invited agencies which of its times suit them.</summary>
public sealed record PollOpened(Guid PollId, string Title, string TimeZone, int DurationMinutes, DateTimeOffset Deadline, IReadOnlyList<DateTimeOffset> Slots)
    : IEventData
{
    public static string Type => "poll.opened";
}

/// <summary>A poll's time was picked and the meeting scheduled from it.</summary>
public sealed record PollClosed(Guid PollId, Guid SlotId, Guid MeetingId, DateTimeOffset StartsAt) : IEventData
{
    public static string Type => "poll.closed";
}

/// <summary>The agencies that had not answered a poll were reminded.</summary>
public sealed record PollReminded(Guid PollId, DateTimeOffset Deadline, IReadOnlyList<string> SilentAgencyCodes) : IEventData
{
    public static string Type => "poll.reminder";
}
