using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Agencies;

using Workspace.Server.Features.Papers;

namespace Workspace.Server.Features.Meetings;

public sealed record AgendaItemView(Guid Id, int Position, string Title, string? PresenterAgencyCode);

public sealed record RsvpView(string AgencyCode, string Email, RsvpResponse Response, DateTimeOffset At);

/// <param name="StartsAt">The start, with the offset of the meeting's time zone at that instant.</param>
/// <param name="EndsAt">The end, likewise.</param>
public sealed record MeetingView(
    Guid Id, string Title, MeetingKind Kind, Guid? WorkingGroupId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, string TimeZone,
    IReadOnlyList<string> InvitedAgencyCodes, string Organizer, string OrganizerAgencyCode, MeetingStatus Status, int Sequence,
    IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<RsvpView> Rsvps, Guid? MinutesPaperId, string? Venue = null, string? OnlineUrl = null)
{
    /// <param name="showMinutes">Whether the viewer may see the minutes paper: invitees who may not are not told it exists.</param>
    public static MeetingView Of(Meeting m, bool showMinutes) => new(
        m.Id, m.Title, m.Kind, m.WorkingGroupId, MeetingTime.InZone(m.StartsAt, m.TimeZone), MeetingTime.InZone(m.EndsAt, m.TimeZone), m.DurationMinutes,
        m.TimeZone, m.InvitedAgencyCodes, m.Organizer, m.OrganizerAgencyCode, m.Status, m.Sequence,
        [.. m.Agenda.OrderBy(a => a.Position).Select(a => new AgendaItemView(a.Id, a.Position, a.Title, a.PresenterAgencyCode))],
        [.. m.Rsvps.OrderBy(r => r.AgencyCode, StringComparer.Ordinal).ThenBy(r => r.Email, StringComparer.Ordinal)
            .Select(r => new RsvpView(r.AgencyCode, r.Email, r.Response, r.At.AsUtcInstant()))],
        showMinutes ? m.MinutesPaperId : null, m.Venue, m.OnlineUrl);

    /// <summary>The views of <paramref name="meetings"/> for the caller, each naming its minutes only where the caller may see them.</summary>
    public static async Task<IReadOnlyList<MeetingView>> ForAsync(PaperAccess access, IReadOnlyCollection<Meeting> meetings, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(meetings.Where(m => m.MinutesPaperId is not null).Select(m => m.MinutesPaperId!.Value), ct);
        return [.. meetings.Select(m => Of(m, m.MinutesPaperId is { } minutes && visible.Contains(minutes)))];
    }

    public static async Task<MeetingView> ForAsync(PaperAccess access, Meeting meeting, CancellationToken ct) =>
        (await ForAsync(access, [meeting], ct))[0];
}

public static class MeetingTime
{
    public static DateTimeOffset InZone(DateTime utc, string zoneId) => TimeZoneInfo.ConvertTime(utc.AsUtcInstant(), MeetingZones.Find(zoneId));

    /// <summary>Where it is held: a venue of one line, and a link to join that is an https address.</summary>
    public static void PlaceRules<T>(AbstractValidator<T> validator, Func<T, string?> venue, Func<T, string?> onlineUrl)
    {
        validator.RuleFor(x => venue(x)).MaximumLength(300).WithMessage("Write the venue in at most 300 characters.").OverridePropertyName("venue");
        validator.RuleFor(x => onlineUrl(x)).MaximumLength(2000).WithMessage("The online meeting link is at most 2,000 characters.")
            .Must(u => string.IsNullOrWhiteSpace(u) || (Uri.TryCreate(u.Trim(), UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
            .WithMessage("Give the online meeting link as an address starting with https://.").OverridePropertyName("onlineUrl");
    }

    /// <summary>The shape rules shared by scheduling and rescheduling.</summary>
    public static void Rules<T>(AbstractValidator<T> validator, Func<T, DateTimeOffset?> startsAt, Func<T, int?> duration, Func<T, string?> zone, TimeProvider clock)
    {
        validator.RuleFor(x => startsAt(x)).NotNull().Must(s => s > clock.GetUtcNow()).WithMessage("A meeting starts in the future.")
            .Must(s => s < clock.GetUtcNow().AddYears(5)).WithMessage("A meeting starts within five years.").OverridePropertyName("startsAt");
        validator.RuleFor(x => duration(x)).NotNull().InclusiveBetween(1, 7 * 24 * 60).WithMessage("A meeting lasts from 1 minute to 7 days.")
            .OverridePropertyName("durationMinutes");
        validator.RuleFor(x => zone(x)).Must(MeetingZones.IsAccepted)
            .WithMessage((_, id) => MeetingZones.CanonicalFor(id) is { } canonical
                ? $"{id} is another name of {canonical}: use {canonical}."
                : "A canonical IANA time zone such as Europe/Vienna, America/New_York or UTC.")
            .OverridePropertyName("timeZone");
    }
}

/// <summary>What convening a meeting and proposing times for one share: the shape of who is convened, and whom it invites by default.</summary>
public static class Convening
{
    public static void Rules<T>(AbstractValidator<T> validator, Func<T, string?> title, Func<T, MeetingKind?> kind, Func<T, Guid?> workingGroupId,
        Func<T, IReadOnlyList<string>?> invited, WorkspaceDb db)
    {
        validator.RuleFor(x => title(x)).NotEmpty().MaximumLength(300).OverridePropertyName("title");
        validator.RuleFor(x => kind(x)).NotNull().IsInEnum().OverridePropertyName("kind");
        validator.RuleFor(x => workingGroupId(x)).NotNull().When(x => kind(x) == MeetingKind.WorkingGroup).WithMessage("A working-group meeting names its group.")
            .OverridePropertyName("workingGroupId");
        validator.RuleFor(x => workingGroupId(x))
            .MustAsync((id, ct) => db.WorkingGroups.AnyAsync(g => g.Id == id, ct)).When(x => workingGroupId(x) is not null).WithMessage("No such working group.")
            .OverridePropertyName("workingGroupId");
        validator.RuleFor(x => workingGroupId(x)).Null().When(x => kind(x) is MeetingKind.Plenary or MeetingKind.Heads).WithMessage("Only working-group meetings name a group.")
            .OverridePropertyName("workingGroupId");
        validator.RuleFor(x => invited(x)!)
            .Must(codes => codes.Count <= 200).WithMessage("At most 200 agencies.")
            .MustAllBeMembers(db)
            .WithMessage("Every invited agency must be a member.")
            .When(x => invited(x) is not null)
            .OverridePropertyName("invitedAgencyCodes");
    }

    /// <summary>The agencies named, or by default every member (Plenary, Heads) or the group's members (WorkingGroup).</summary>
    public static async Task<IReadOnlyList<string>> InviteesAsync(WorkspaceDb db, MeetingKind kind, Guid? workingGroupId, IReadOnlyList<string>? named, CancellationToken ct) =>
        named ?? (kind == MeetingKind.WorkingGroup
            ? (await db.WorkingGroups.SingleAsync(g => g.Id == workingGroupId, ct)).MemberAgencyCodes
            : await db.Agencies.Select(a => a.Code).ToListAsync(ct));
}

internal static class MeetingLoading
{
    public static async Task<Meeting> LoadMeetingAsync(this WorkspaceDb db, Guid meetingId, CancellationToken ct) =>
        await db.Meetings.Include(m => m.Agenda).Include(m => m.Rsvps).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId, ct)
        ?? throw new NotFoundException("meeting", meetingId.ToString());
}
