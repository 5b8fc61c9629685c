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
