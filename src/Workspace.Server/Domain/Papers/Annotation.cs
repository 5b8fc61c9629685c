namespace Workspace.Server.Domain.Papers;

public enum AnnotationKind
{
    Comment,
    Replace,
    Insert,
    Delete,
}

/// <summary>
/// Where an annotation stands: an agency's <c>Draft</c> (seen by that agency alone), <c>Open</c> once its agency sent it,
/// then what the lead made of it, or <c>Outdated</c> when the text under it changed, or <c>Withdrawn</c> by its agency.
/// </summary>
public enum AnnotationStatus
{
    Draft,
    Open,
    Accepted,
    PartlyAccepted,
    Rejected,
    Noted,
    Outdated,
    Withdrawn,
}

/// <summary>What the lead decides of a sent comment or suggestion.</summary>
public enum Disposition
{
    Accepted,
    PartlyAccepted,
    Rejected,
    Noted,
}

/// <summary>
/// A comment on, or a suggested change to, a passage of one block of one revision, credited to a person and their
/// agency. The passage is <see cref="Quote"/>, the <see cref="Occurrence"/>-th time it appears in the block; it stands at
/// <see cref="Start"/> in the revision's body. It is its agency's draft until the agency sends its contribution.
/// </summary>
public sealed class Annotation : Aggregate
{
    private Annotation()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    /// <summary>The revision it stands on: it moves to the next while its passage stands there unchanged.</summary>
    public int Revision { get; private set; }

    public string BlockId { get; private set; } = "";

    public string Quote { get; private set; } = "";

    public int Occurrence { get; private set; } = 1;

    /// <summary>Where the passage starts in the revision's body.</summary>
    public int Start { get; private set; }

    public AnnotationKind Kind { get; private set; }

    /// <summary>The comment, or the words proposed (<c>Replace</c>, <c>Insert</c>).</summary>
    public string? Text { get; private set; }

    public string? Justification { get; private set; }

    public string AgencyCode { get; private set; } = "";

    public string Author { get; private set; } = "";

    public AnnotationStatus Status { get; private set; }

    /// <summary>Why the lead decided as it did (needed for anything but <c>Accepted</c>).</summary>
    public string? Reason { get; private set; }

    public string? DisposedBy { get; private set; }

    /// <summary>The revision that took the suggestion in.</summary>
    public int? AppliedInRevision { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Version { get; private set; }

    public int End => Start + Quote.Length;

    public bool IsSuggestion => Kind != AnnotationKind.Comment;

    /// <summary>
    /// A draft on <paramref name="block"/> of <paramref name="revision"/>: the passage must stand in the block (the
    /// <paramref name="occurrence"/>-th time), and a replacement or an insertion says its words.
    /// </summary>
    public static Annotation Draft(Guid paperId, int revision, Block block, string quote, int occurrence, AnnotationKind kind, string? text, string? justification,
        Actor by, DateTime now)
    {
        var at = Find(block.Text, quote, occurrence)
            ?? throw new FieldRefusedException("quote", $"\"{quote}\" does not stand in ¶ {block.Number} of revision {revision}" + (occurrence > 1 ? $" {occurrence} times." : "."));
        return new Annotation
        {
            Id = Guid.CreateVersion7(),
            PaperId = paperId,
            Revision = revision,
            BlockId = block.Id,
            Quote = quote,
            Occurrence = occurrence,
            Start = block.Start + at,
            Kind = kind,
            Text = Words(kind, text),
            Justification = Trimmed(justification),
            AgencyCode = by.AgencyCode,
            Author = by.Email,
            Status = AnnotationStatus.Draft,
            CreatedAt = now,
        };
    }

    /// <summary>Where the <paramref name="occurrence"/>-th <paramref name="quote"/> starts in <paramref name="text"/>, or null.</summary>
    public static int? Find(string text, string quote, int occurrence)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(quote, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }
        }

        return at;
    }

    /// <summary>Its agency changes the draft's words (the pipeline let only its agency ask).</summary>
    public void Edit(string? text, string? justification)
    {
        EnsureDraft();
        Text = text is null ? Text : Words(Kind, text);
        Justification = justification is null ? Justification : Trimmed(justification);
        Version++;
    }

    /// <summary>Refuses anything but a draft.</summary>
    public void EnsureDraft()
    {
        if (Status != AnnotationStatus.Draft)
        {
            throw new RuleBrokenException("not-a-draft", $"This {Noun} was sent; it can no longer be changed or deleted, only withdrawn.");
        }
    }

    /// <summary>Sent with its agency's contribution: seen from now on by the paper's agencies and the secretariat.</summary>
    internal void Send(DateTime now)
    {
        Status = AnnotationStatus.Open;
        SentAt = now;
        Version++;
    }

    /// <summary>Its agency takes back what it sent, before the lead decided.</summary>
    public void Withdraw(Actor by)
    {
        if (Status != AnnotationStatus.Open)
        {
            throw new RuleBrokenException("not-open", $"Only a sent {Noun} that the lead has not decided on can be withdrawn; this one is {Status}.");
        }

        ActAs(by);
        Status = AnnotationStatus.Withdrawn;
        Version++;
        Raise(DomainEvent.Of(new AnnotationWithdrawn(PaperId, Id, AgencyCode), new Subject("paper", PaperId.ToString()), AudienceOf([])));
    }

    /// <summary>
    /// The lead's decision on a sent item, with its reason (needed unless accepted): a comment is noted, accepted or
    /// rejected; a suggestion accepted, partly accepted or rejected. <paramref name="participants"/> hear of it.
    /// </summary>
    public void Dispose(Disposition decision, string? reason, Actor by, IReadOnlyList<string> participants)
    {
        if (Status is not (AnnotationStatus.Open or AnnotationStatus.Accepted or AnnotationStatus.PartlyAccepted or AnnotationStatus.Rejected or AnnotationStatus.Noted))
        {
            throw new RuleBrokenException("not-open", $"Only a sent {Noun} can be decided on; this one is {Status}.");
        }

        if (decision == Disposition.Noted && IsSuggestion)
        {
            throw new RuleBrokenException("noted-is-for-comments", "A suggestion is accepted, partly accepted or rejected; only a comment is noted.");
        }

        if (decision != Disposition.Accepted && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleBrokenException("reason-required", "Say why: a reason is needed for anything but accepting.");
        }

        if (AppliedInRevision is { } applied && decision is Disposition.Rejected)
        {
            throw new RuleBrokenException("already-applied", $"This suggestion is in revision {applied}; it can no longer be rejected.");
        }

        ActAs(by);
        Status = decision switch
        {
            Disposition.Accepted => AnnotationStatus.Accepted,
            Disposition.PartlyAccepted => AnnotationStatus.PartlyAccepted,
            Disposition.Rejected => AnnotationStatus.Rejected,
            _ => AnnotationStatus.Noted,
        };
        Reason = Trimmed(reason);
        DisposedBy = by.Email;
        Version++;
        Raise(DomainEvent.Of(new AnnotationDisposed(PaperId, Id, AgencyCode, Status.ToString()), new Subject("paper", PaperId.ToString()), AudienceOf(participants),
            new Notice("annotation-disposed", $"The lead decided on {AgencyCode}'s {Noun}: {Status}.", [AgencyCode])));
    }

    /// <summary>Taken into <paramref name="revision"/> by the lead's fold: accepted, unless it was already partly accepted.</summary>
    internal void Applied(int revision, Actor by)
    {
        Status = Status == AnnotationStatus.PartlyAccepted ? Status : AnnotationStatus.Accepted;
        DisposedBy ??= by.Email;
        AppliedInRevision = revision;
        Version++;
    }

    /// <summary>
    /// A new revision was saved: a draft or an open item moves to it while its block is there and its passage stands
    /// in it unchanged; otherwise it is outdated, kept and shown but never applicable.
    /// </summary>
    public void Follow(int revision, IReadOnlyList<Block> blocks)
    {
        if (Status is not (AnnotationStatus.Draft or AnnotationStatus.Open) || revision <= Revision)
        {
            return;
        }

        if (blocks.FirstOrDefault(b => b.Id == BlockId) is { } block && Find(block.Text, Quote, Occurrence) is { } at)
        {
            (Revision, Start) = (revision, block.Start + at);
        }
        else
        {
            Status = AnnotationStatus.Outdated;
        }

        Version++;
    }

    /// <summary>Whether two suggestions change overlapping passages (a comment overlaps nothing; an insertion is a point after its passage).</summary>
    public bool Overlaps(Annotation other)
    {
        if (!IsSuggestion || !other.IsSuggestion || Revision != other.Revision)
        {
            return false;
        }

        var (a, b) = (Span(this), Span(other));
        return a.Start < b.End && b.Start < a.End || a == b;
    }

    private static (int Start, int End) Span(Annotation a) => a.Kind == AnnotationKind.Insert ? (a.End, a.End) : (a.Start, a.End);

    private string Noun => IsSuggestion ? "suggestion" : "comment";

    private Audience AudienceOf(IReadOnlyList<string> participants) => Audience.Agencies(participants.Append(AgencyCode));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A comment's text, trimmed; a suggestion's words exactly as proposed (a space before or after them is part of the change).</summary>
    private static string? Words(AnnotationKind kind, string? text) => kind == AnnotationKind.Comment ? Trimmed(text) : string.IsNullOrEmpty(text) ? null : text;
}
