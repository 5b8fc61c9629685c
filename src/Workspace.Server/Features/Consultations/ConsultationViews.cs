using Workspace.Server.Domain.Consultations;

namespace Workspace.Server.Features.Consultations;

/// <summary>A comment as the public page shows it: no address, only what a moderator approved.</summary>
public sealed record PublicComment(Guid Id, string Name, string Organization, string Text, string? Section, DateTimeOffset CreatedAt);

/// <summary>A consultation as anyone reads it.</summary>
public sealed record ConsultationView(Guid Id, Guid PaperId, string Title, int Revision, string ContentHash, string Body, DateTimeOffset Deadline,
    ConsultationStatus Status, IReadOnlyList<PublicComment> Comments);

/// <summary>A comment as those who moderate see it.</summary>
public sealed record ModeratedComment(Guid Id, string Name, string Organization, string Email, string Text, string? Section, DateTimeOffset CreatedAt,
    CommentStatus Status, DateTimeOffset? ConfirmedAt, string? ModeratedBy, DateTimeOffset? ModeratedAt, string? Reason, int? AnsweredInRevision = null)
{
    public static ModeratedComment Of(ConsultationComment c) => new(c.Id, c.Name, c.Organization, c.Email, c.Text, c.Section, c.CreatedAt.AsUtcInstant(), c.Status,
        c.ConfirmedAt?.AsUtcInstant(), c.ModeratedBy, c.ModeratedAt?.AsUtcInstant(), c.ModerationReason, c.AnsweredInRevision);
}
