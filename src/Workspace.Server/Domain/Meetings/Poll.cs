using System.Globalization;

namespace Workspace.Server.Domain.Meetings;

public enum PollStatus
{
    Open,
    Closed,
}

public enum PollAnswerKind
{
    Yes,
    IfNeedBe,
    No,
}

/// <summary>
/// Finding a time for a meeting: slots proposed in the organizer's zone, each invited agency's people answering
/// yes, if need be or no per slot until the deadline, and one slot picked, which schedules the meeting in the
/// same step. Agencies that have not answered are reminded once before the deadline.
/// </summary>
public sealed class Poll : Aggregate
{
    private readonly List<PollSlot> slots = [];
    private readonly List<PollAnswer> answers = [];

    private Poll()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public MeetingKind Kind { get; private set; }

    public Guid? WorkingGroupId { get; private set; }

    /// <summary>The organizer's IANA zone: the slots are proposed, and the meeting described, in it.</summary>
    public string TimeZone { get; private set; } = "";

    public int DurationMinutes { get; private set; }

    /// <summary>Sorted, always including the organizer's agency.</summary>
    public List<string> InvitedAgencyCodes { get; private set; } = [];

    public string Organizer { get; private set; } = "";

    public string OrganizerAgencyCode { get; private set; } = "";

    /// <summary>UTC: answers are taken until then.</summary>
    public DateTime Deadline { get; private set; }

    public PollStatus Status { get; private set; }

    /// <summary>The meeting scheduled from the slot picked.</summary>
    public Guid? MeetingId { get; private set; }

    public Guid? PickedSlotId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public bool Reminded { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PollSlot> Slots => slots;

    public IReadOnlyList<PollAnswer> Answers => answers;

    private Subject Subject => new("poll", Id.ToString());

    private Audience Invited => Audience.Agencies(InvitedAgencyCodes);

    /// <summary>The invited agencies none of whose people has answered yet.</summary>
    public IReadOnlyList<string> SilentAgencyCodes => [.. InvitedAgencyCodes.Where(code => answers.All(a => a.AgencyCode != code))];

    public static Poll Open(string title, MeetingKind kind, Guid? workingGroupId, string timeZone, int durationMinutes, IEnumerable<DateTime> slotStarts,
        IEnumerable<string> invitedAgencyCodes, DateTime deadline, Actor organizer, DateTime now)
    {
        var starts = slotStarts.Distinct().Order().ToList();
        if (starts.Count == 0 || starts[0] <= now)
        {
            throw new RuleBrokenException("start-passed", "Every slot proposed starts in the future.");
        }

        if (deadline <= now || deadline > starts[^1])
        {
            throw new RuleBrokenException("poll-deadline", "The deadline for answers is in the future and no later than the last slot.");
        }

        var poll = new Poll
        {
            Id = Guid.CreateVersion7(),
            Title = title.Trim(),
            Kind = kind,
            WorkingGroupId = workingGroupId,
            TimeZone = timeZone,
            DurationMinutes = durationMinutes,
            InvitedAgencyCodes = Meeting.Invitees(invitedAgencyCodes, organizer),
            Organizer = organizer.Email,
            OrganizerAgencyCode = organizer.AgencyCode,
            Deadline = deadline,
            Status = PollStatus.Open,
            CreatedAt = now,
            Version = 1,
        };
        poll.slots.AddRange(starts.Select((s, i) => new PollSlot(poll.Id, i + 1, s)));
        poll.ActAs(organizer);
        poll.Raise(DomainEvent.Of(new PollOpened(poll.Id, poll.Title, timeZone, durationMinutes, deadline.AsUtcInstant(), [.. starts.Select(s => s.AsUtcInstant())]),
            poll.Subject, poll.Invited,
            new Notice("poll-opened", $"When can your agency meet for \"{poll.Title}\"? {starts.Count} times proposed; answer by {Utc(deadline)}.",
                [.. poll.InvitedAgencyCodes], [organizer.Email])));
        return poll;
    }

    /// <summary>A person's answers for their agency, slot by slot; a later answer to a slot replaces theirs.</summary>
    public void Answer(IReadOnlyDictionary<Guid, PollAnswerKind> bySlot, Actor by, DateTime now)
    {
        ActAs(by);
        EnsureOpen();
        if (now >= Deadline)
        {
            throw new RuleBrokenException("poll-deadline-passed", "The deadline for answers has passed.");
        }

        if (!InvitedAgencyCodes.Contains(by.AgencyCode))
        {
            throw new RuleBrokenException("not-invited", $"{by.AgencyCode} is not invited to this poll.");
        }

        if (bySlot.Keys.Any(id => slots.All(s => s.Id != id)))
        {
            throw new RuleBrokenException("unknown-slot", "That time is not one of this poll's.");
        }

        foreach (var (slotId, answer) in bySlot)
        {
            if (answers.FirstOrDefault(a => a.SlotId == slotId && a.Email == by.Email) is { } existing)
            {
                existing.Change(answer, now);
            }
            else
            {
                answers.Add(new PollAnswer(Id, slotId, by, answer, now));
            }
        }

        Version++;
        Raise(DomainEvent.Of(new PollAnswered(Id, by.AgencyCode, by.Email, [.. bySlot.Select(a => new PollSlotAnswer(a.Key, a.Value.ToString()))]), Subject, Invited));
    }

    /// <summary>Picks a slot and schedules the meeting from it, in the poll's zone, for the poll's invited agencies.</summary>
    public Meeting Pick(Guid slotId, Actor by, DateTime now)
    {
        ActAs(by);
        EnsureOpen();
        var slot = slots.FirstOrDefault(s => s.Id == slotId) ?? throw new RuleBrokenException("unknown-slot", "That time is not one of this poll's.");
        var meeting = Meeting.Schedule(Title, Kind, WorkingGroupId, slot.StartsAt, DurationMinutes, TimeZone, InvitedAgencyCodes, by, now);
        Status = PollStatus.Closed;
        MeetingId = meeting.Id;
        PickedSlotId = slot.Id;
        Version++;
        Raise(DomainEvent.Of(new PollClosed(Id, slotId, meeting.Id, slot.StartsAt.AsUtcInstant()), Subject, Invited));
        return meeting;
    }

    /// <summary>Reminds the agencies that have not answered, once, when the moment before the deadline has come.</summary>
    public bool RemindIfDue(DateTime now, TimeSpan before)
    {
        ActAs(Actor.System);
        if (Status != PollStatus.Open || Reminded || now < Deadline - before || now >= Deadline)
        {
            return false;
        }

        Reminded = true;
        Version++;
        var silent = SilentAgencyCodes;
        if (silent.Count > 0)
        {
            Raise(DomainEvent.Of(new PollReminded(Id, Deadline.AsUtcInstant(), [.. silent]), Subject, Audience.Agencies(silent),
                new Notice("poll-reminder", $"Reminder: your agency has not said when it can meet for \"{Title}\"; answers close {Utc(Deadline)}.", silent)));
        }

        return true;
    }

    private static string Utc(DateTime at) => at.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private void EnsureOpen()
    {
        if (Status != PollStatus.Open)
        {
            throw new RuleBrokenException("poll-closed", "A time was picked already; this poll is closed.", new Dictionary<string, object?> { ["meetingId"] = MeetingId });
        }
    }
}

public sealed class PollSlot
{
    private PollSlot()
    {
    }

    internal PollSlot(Guid pollId, int position, DateTime startsAt)
    {
        Id = Guid.CreateVersion7();
        PollId = pollId;
        Position = position;
        StartsAt = startsAt;
    }

    public Guid Id { get; private set; }

    public Guid PollId { get; private set; }

    public int Position { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; private set; }
}

public sealed class PollAnswer
{
    private PollAnswer()
    {
    }

    internal PollAnswer(Guid pollId, Guid slotId, Actor by, PollAnswerKind answer, DateTime now)
    {
        Id = Guid.CreateVersion7();
        PollId = pollId;
        SlotId = slotId;
        Email = by.Email;
        AgencyCode = by.AgencyCode;
        Answer = answer;
        AnsweredAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PollId { get; private set; }

    public Guid SlotId { get; private set; }

    public string Email { get; private set; } = "";

    public string AgencyCode { get; private set; } = "";

    public PollAnswerKind Answer { get; private set; }

    public DateTime AnsweredAt { get; private set; }

    internal void Change(PollAnswerKind answer, DateTime now)
    {
        Answer = answer;
        AnsweredAt = now;
    }
}
