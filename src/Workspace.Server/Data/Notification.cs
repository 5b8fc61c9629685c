namespace Workspace.Server.Data;

/// <summary>
/// An in-app notification for one person, written after commit from the events that carry a notice (the
/// notifications area's reaction), once per event and person.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    /// <summary>The event that caused it.</summary>
    public long EventSeq { get; init; }

    public string Kind { get; init; } = "";

    public string Text { get; init; } = "";

    public string SubjectKind { get; init; } = "";

    public string SubjectId { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }
}
