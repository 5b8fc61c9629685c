namespace Workspace.Server.Domain.Consultations;

/// <summary>A public consultation on a revision opened, until its deadline.</summary>
public sealed record ConsultationOpened(Guid ConsultationId, Guid PaperId, string Title, int Revision, DateTimeOffset Deadline) : IEventData
{
    public static string Type => "consultation.opened";
}

/// <summary>A public comment's address was confirmed: it waits for moderation.</summary>
public sealed record ConsultationCommentConfirmed(Guid ConsultationId, Guid CommentId) : IEventData
{
    public static string Type => "consultation.comment-confirmed";
}

/// <summary>A public comment was approved and is shown on the consultation's page.</summary>
public sealed record ConsultationCommentApproved(Guid ConsultationId, Guid CommentId) : IEventData
{
    public static string Type => "consultation.comment-approved";
}

/// <summary>A public comment was moderated otherwise than approved (the reason stays with the participants).</summary>
public sealed record ConsultationCommentModerated(Guid ConsultationId, Guid CommentId, string Decision, string? Reason) : IEventData
{
    public static string Type => "consultation.comment-moderated";
}

/// <summary>A public comment was answered in a revision.</summary>
public sealed record ConsultationCommentAnswered(Guid ConsultationId, Guid CommentId, int Revision) : IEventData
{
    public static string Type => "consultation.comment-answered";
}

/// <summary>A public consultation closed.</summary>
public sealed record ConsultationClosed(Guid ConsultationId, Guid PaperId, DateTimeOffset ClosedAt) : IEventData
{
    public static string Type => "consultation.closed";
}
