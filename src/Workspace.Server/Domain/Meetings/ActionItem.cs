using System.Globalization;

namespace Workspace.Server.Domain.Meetings;

public enum ActionItemStatus
{
    Open,
    Done,
    Dropped,
}

/// <summary>
/// What an agency promised at a meeting: a task, the agency that owns it, the day it is due (in the meeting's
/// zone), its status and the comments on it. Seen by the meeting's invited agencies; changed by the owner
/// agency's people and those who convene the meeting; the owners are reminded before the due day and once overdue.
/// </summary>
public sealed class ActionItem : Aggregate
{
    private readonly List<ActionItemComment> comments = [];

    private ActionItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public string Title { get; private set; } = "";

    public string OwnerAgencyCode { get; private set; } = "";

    public DateOnly DueDate { get; private set; }

    /// <summary>UTC: the end of the due day in the meeting's zone; past it, an open item is overdue.</summary>
    public DateTime DueAt { get; private set; }

    public ActionItemStatus Status { get; private set; }

    /// <summary>The meeting's invited agencies when the item was recorded: who sees it.</summary>
    public List<string> AudienceAgencyCodes { get; private set; } = [];

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool RemindedBeforeDue { get; private set; }

    public bool RemindedOverdue { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ActionItemComment> Comments => comments;

    public bool IsOverdue(DateTime now) => Status == ActionItemStatus.Open && now >= DueAt;

    private Subject Subject => new("action-item", Id.ToString());

    private Audience Audience => Audience.Agencies(AudienceAgencyCodes);

    /// <summary>Records an item on a meeting, owned by one of its invited agencies.</summary>
    public static ActionItem Record(Meeting meeting, Guid? agendaItemId, string title, string ownerAgencyCode, DateOnly dueDate, Actor by, DateTime now)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new RuleBrokenException("meeting-cancelled", "A cancelled meeting carries no action items.");
        }

        if (!meeting.IsInvited(ownerAgencyCode))
        {
            throw new RuleBrokenException("owner-not-invited", $"{ownerAgencyCode} is not invited to this meeting; an action item is owned by one of its agencies.");
        }

        if (agendaItemId is { } agendaId && meeting.Agenda.All(a => a.Id != agendaId))
        {
            throw new RuleBrokenException("unknown-agenda-item", "That agenda item is not on this meeting's agenda.");
        }

        var zone = MeetingZones.Find(meeting.TimeZone);
        var dueAt = TimeZoneInfo.ConvertTimeToUtc(dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        if (dueAt <= now)
        {
            throw new RuleBrokenException("due-date-passed", "An action item is due today or later.");
        }

        var item = new ActionItem
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meeting.Id,
            AgendaItemId = agendaItemId,
            Title = title.Trim(),
            OwnerAgencyCode = ownerAgencyCode,
            DueDate = dueDate,
            DueAt = dueAt,
            Status = ActionItemStatus.Open,
            AudienceAgencyCodes = [.. meeting.InvitedAgencyCodes],
            CreatedBy = by.Email,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        item.ActAs(by);
        item.Raise(DomainEvent.Of(item.Describe<ActionItemCreated>(null), item.Subject, item.Audience,
            new Notice("action-item-assigned", $"Action item for {ownerAgencyCode} from \"{meeting.Title}\": {item.Title} (due {item.Due()}).", [ownerAgencyCode], [by.Email])));
        return item;
    }

    public void ChangeStatus(ActionItemStatus status, Actor by, DateTime now)
    {
        ActAs(by);
        if (status == Status)
        {
            return;
        }

        Status = status;
        UpdatedAt = now;
        Version++;
        Raise(DomainEvent.Of(Describe<ActionItemUpdated>("status"), Subject, Audience));
    }

    public ActionItemComment Comment(string text, Actor by, DateTime now)
    {
        ActAs(by);
        var comment = new ActionItemComment(Id, text.Trim(), by, now);
        comments.Add(comment);
        UpdatedAt = now;
        Version++;
        Raise(DomainEvent.Of(Describe<ActionItemUpdated>("comment"), Subject, Audience));
        return comment;
    }

    /// <summary>Reminds the owner agency before the due day, and once when overdue; each once. Does nothing otherwise.</summary>
    public bool RemindIfDue(DateTime now, TimeSpan before)
    {
        ActAs(Actor.System);
        if (Status != ActionItemStatus.Open)
        {
            return false;
        }

        if (now >= DueAt && !RemindedOverdue)
        {
            RemindedOverdue = RemindedBeforeDue = true;
            Version++;
            Raise(DomainEvent.Of(Describe<ActionItemReminder>("overdue"), Subject, Audience.Agencies([OwnerAgencyCode]),
                new Notice("action-item-due", $"Overdue: {Title} (due {Due()}), owned by {OwnerAgencyCode}.", [OwnerAgencyCode])));
            return true;
        }

        if (now < DueAt && now >= DueAt - before && !RemindedBeforeDue)
        {
            RemindedBeforeDue = true;
            Version++;
            Raise(DomainEvent.Of(Describe<ActionItemReminder>("due-soon"), Subject, Audience.Agencies([OwnerAgencyCode]),
                new Notice("action-item-due", $"Due {Due()}: {Title}, owned by {OwnerAgencyCode}.", [OwnerAgencyCode])));
            return true;
        }

        return false;
    }

    private string Due() => DueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The item as its events carry it.</summary>
    private TEvent Describe<TEvent>(string? change)
        where TEvent : ActionItemEvent, new() => new()
        {
            ActionItemId = Id,
            MeetingId = MeetingId,
            AgendaItemId = AgendaItemId,
            Title = Title,
            OwnerAgencyCode = OwnerAgencyCode,
            DueDate = DueDate,
            DueAt = DueAt.AsUtcInstant(),
            Status = Status.ToString(),
            Change = change,
        };
}

public sealed class ActionItemComment
{
    private ActionItemComment()
    {
    }

    internal ActionItemComment(Guid actionItemId, string text, Actor by, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ActionItemId = actionItemId;
        Text = text;
        Author = by.Email;
        AgencyCode = by.AgencyCode;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ActionItemId { get; private set; }

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public string AgencyCode { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
