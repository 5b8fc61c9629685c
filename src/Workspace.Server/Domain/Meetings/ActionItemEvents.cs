namespace Workspace.Server.Domain.Meetings;

/// <summary>An action item as its events carry it; <see cref="Change"/> says what changed (status, comment) or why it reminds (due-soon, overdue).</summary>
public abstract record ActionItemEvent
{
    public Guid ActionItemId { get; init; }

    public Guid MeetingId { get; init; }

    public Guid? AgendaItemId { get; init; }

    public string Title { get; init; } = "";

    public string OwnerAgencyCode { get; init; } = "";

    public DateOnly DueDate { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string Status { get; init; } = "";

    public string? Change { get; init; }
}

/// <summary>An action item was recorded at a meeting for an owner agency.</summary>
public sealed record ActionItemCreated : ActionItemEvent, IEventData
{
    public static string Type => "action-item.created";
}

/// <summary>An action item's status changed or it was commented on.</summary>
public sealed record ActionItemUpdated : ActionItemEvent, IEventData
{
    public static string Type => "action-item.updated";
}

/// <summary>The owner agency was reminded of an action item due soon or overdue.</summary>
public sealed record ActionItemReminder : ActionItemEvent, IEventData
{
    public static string Type => "action-item.reminder";
}
