using Workspace.Server.Data;

namespace Workspace.Server.Features.Notifications;

public sealed record SubjectRef(string Kind, string Id);

public sealed record NotificationView(Guid Id, string Kind, string Text, SubjectRef Subject, DateTimeOffset CreatedAt, bool Read)
{
    /// <summary>The page of what a notification is about.</summary>
    public static string PageOf(SubjectRef subject) => subject.Kind switch
    {
        "paper" => $"/papers/{subject.Id}",
        "meeting" => $"/meetings/{subject.Id}",
        "action-item" => "/action-items",
        "poll" => $"/polls/{subject.Id}",
        "consultation" => $"/consultations/{subject.Id}/moderation",
        "person" => "/settings/alternate",
        _ => "/notifications",
    };
}

internal static class NotificationViews
{
    public static NotificationView Of(Notification n) =>
        new(n.Id, n.Kind, n.Text, new SubjectRef(n.SubjectKind, n.SubjectId), n.CreatedAt.AsUtcInstant(), n.ReadAt is not null);
}
