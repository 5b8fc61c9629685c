namespace Workspace.Server.Domain.Consultations;

public enum ConsultationStatus
{
    Open,
    Closed,
}

public enum CommentStatus
{
    /// <summary>The submitter has not yet followed the link mailed to them: nobody moderates it.</summary>
    Unconfirmed,

    /// <summary>Confirmed, waiting for a moderator.</summary>
    Pending,
    Approved,
    Rejected,
    Spam,
}

public enum ModerationDecision
{
    Approve,
    Reject,
    Spam,
}

/// <summary>
/// A draft opened to public comment until a deadline: anyone may comment without an account; a comment counts once
/// its author confirmed their address, and shows publicly once a moderator approved it.
/// </summary>
public sealed class Consultation : Aggregate
{
    public const int MaxTextLength = 5_000;

    private Consultation()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    public string Title { get; private set; } = "";

    public int RevisionNumber { get; private set; }

    public string ContentHash { get; private set; } = "";

    public DateTime Deadline { get; private set; }

    public ConsultationStatus Status { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTime OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>The paper's participants when it opened: who moderates and who is told.</summary>
    public List<string> ParticipatingAgencyCodes { get; private set; } = [];

    public int Version { get; private set; }

    private Subject Subject => new("consultation", Id.ToString());

    public static Consultation Open(Guid paperId, string title, int revision, string contentHash, IReadOnlyList<string> participants, DateTime deadline, Actor by, DateTime now)
    {
        if (deadline <= now)
        {
            throw new RuleBrokenException("deadline-passed", "A consultation's deadline is in the future.");
        }

        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(),
            PaperId = paperId,
            Title = title,
            RevisionNumber = revision,
            ContentHash = contentHash,
            Deadline = deadline,
            Status = ConsultationStatus.Open,
            OpenedBy = by.Email,
            OpenedAt = now,
            ParticipatingAgencyCodes = [.. participants],
            Version = 1,
        };
        consultation.ActAs(by);
        consultation.Raise(DomainEvent.Of(new ConsultationOpened(consultation.Id, paperId, title, revision, deadline.AsUtcInstant()), consultation.Subject, Audience.Everyone));
        return consultation;
    }

    /// <summary>A comment from the public, kept unconfirmed until its author follows the link mailed to them.</summary>
    public ConsultationComment Submit(string name, string organization, string email, string text, string? section, DateTime now)
    {
        if (Status != ConsultationStatus.Open || now >= Deadline)
        {
            throw new RuleBrokenException("consultation-closed", "This consultation is closed: comments are no longer taken.");
        }

        return new ConsultationComment(Id, name.Trim(), organization.Trim(), EmailAddresses.Canonical(email), text.Trim(), string.IsNullOrWhiteSpace(section) ? null : section.Trim(), now);
    }

    /// <summary>The author followed the link: the comment goes to the moderators.</summary>
    public void Confirm(ConsultationComment comment, DateTime now)
    {
        if (comment.Status != CommentStatus.Unconfirmed)
        {
            return;
        }

        comment.Confirm(now);
        Version++;
        Raise(DomainEvent.Of(new ConsultationCommentConfirmed(Id, comment.Id), Subject, Audience.Agencies(ParticipatingAgencyCodes),
            new Notice("consultation-comment", $"A comment on the public consultation on \"{Title}\" waits for moderation.", [.. ParticipatingAgencyCodes])));
    }

    public void Moderate(ConsultationComment comment, ModerationDecision decision, string? reason, Actor by, DateTime now)
    {
        ActAs(by);
        if (comment.Status == CommentStatus.Unconfirmed)
        {
            throw new RuleBrokenException("comment-unconfirmed", "Its author has not confirmed their address yet: there is nothing to moderate.");
        }

        if (decision == ModerationDecision.Reject && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleBrokenException("rejection-without-reason", "A rejection says why.");
        }

        comment.Moderate(decision, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), by.Email, now);
        Version++;
        // What the public sees is what was approved; the rest stays among those who moderate.
        Raise(decision == ModerationDecision.Approve
            ? DomainEvent.Of(new ConsultationCommentApproved(Id, comment.Id), Subject, Audience.Everyone)
            : DomainEvent.Of(new ConsultationCommentModerated(Id, comment.Id, decision.ToString(), comment.ModerationReason), Subject,
                Audience.Agencies(ParticipatingAgencyCodes)));
    }

    /// <summary>A moderator links a comment to the revision of the paper that answers it.</summary>
    public void Answer(ConsultationComment comment, int revision, int latestRevision, Actor by)
    {
        ActAs(by);
        if (revision <= RevisionNumber || revision > latestRevision)
        {
            throw new RuleBrokenException("unknown-revision",
                $"A comment is answered by a later revision than the one under consultation ({RevisionNumber}); the paper has revisions up to {latestRevision}.");
        }

        comment.AnsweredIn(revision);
        Version++;
        Raise(DomainEvent.Of(new ConsultationCommentAnswered(Id, comment.Id, revision), Subject, Audience.Agencies(ParticipatingAgencyCodes)));
    }

    /// <summary>At its deadline the consultation closes. Does nothing before, or twice.</summary>
    public bool CloseIfDue(DateTime now)
    {
        ActAs(Actor.System);
        if (Status != ConsultationStatus.Open || now < Deadline)
        {
            return false;
        }

        Status = ConsultationStatus.Closed;
        ClosedAt = now;
        Version++;
        Raise(DomainEvent.Of(new ConsultationClosed(Id, PaperId, now.AsUtcInstant()), Subject, Audience.Everyone,
            new Notice("consultation-closed", $"The public consultation on \"{Title}\" is closed.", [.. ParticipatingAgencyCodes])));
        return true;
    }
}

/// <summary>A comment from the public on a consultation. Its author's address is never shown publicly.</summary>
public sealed class ConsultationComment
{
    private ConsultationComment()
    {
    }

    internal ConsultationComment(Guid consultationId, string name, string organization, string email, string text, string? section, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ConsultationId = consultationId;
        Name = name;
        Organization = organization;
        Email = email;
        Text = text;
        Section = section;
        CreatedAt = now;
        Status = CommentStatus.Unconfirmed;
    }

    public Guid Id { get; private set; }

    public Guid ConsultationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Organization { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string? Section { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public CommentStatus Status { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public string? ModeratedBy { get; private set; }

    public DateTime? ModeratedAt { get; private set; }

    public string? ModerationReason { get; private set; }

    /// <summary>The revision of the paper that answers the comment, once a moderator linked it.</summary>
    public int? AnsweredInRevision { get; private set; }

    internal void AnsweredIn(int revision) => AnsweredInRevision = revision;

    internal void Confirm(DateTime now)
    {
        Status = CommentStatus.Pending;
        ConfirmedAt = now;
    }

    internal void Moderate(ModerationDecision decision, string? reason, string by, DateTime now)
    {
        Status = decision switch
        {
            ModerationDecision.Approve => CommentStatus.Approved,
            ModerationDecision.Reject => CommentStatus.Rejected,
            _ => CommentStatus.Spam,
        };
        ModerationReason = reason;
        ModeratedBy = by;
        ModeratedAt = now;
    }
}
