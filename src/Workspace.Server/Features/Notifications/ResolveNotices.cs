using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// Takes out of "New" what no longer asks anything of its reader, after commit: an agency's sign-off answers the
/// request to sign off (and its reminders) for all its people; a round that ended answers them for everyone; a
/// person's answer to a meeting answers its invitation and reminders for them. Runs after <see cref="NotifyPeople"/>,
/// so a notice written in the same batch is found.
/// </summary>
internal sealed class ResolveNotices : ILogReaction
{
    private static readonly string[] Asked = ["round-opened", "sign-off-reminder", "round-overdue"];

    private static readonly string[] Invited = ["meeting-scheduled", "meeting-rescheduled", "meeting-reminder"];

    public string Name => "resolved-notices";

    public IQueryable<EventRecord> Filter(IQueryable<EventRecord> events) =>
        events.Where(e => e.Type == SignOffRecorded.Type || e.Type == RoundClosed.Type || e.Type == RsvpRecorded.Type);

    public async Task ReactAsync(WorkspaceDb db, IReadOnlyList<EventRecord> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            IQueryable<Notification> answered = e switch
            {
                _ when e.TryRead<SignOffRecorded>(out var signOff) => Unread(db, e, Asked)
                    .Where(n => db.Users.Any(p => p.Id == n.PersonId && p.AgencyCode == signOff.AgencyCode)),
                _ when e.Type == RoundClosed.Type => Unread(db, e, Asked),
                _ when e.TryRead<RsvpRecorded>(out var rsvp) => Unread(db, e, Invited)
                    .Where(n => db.Users.Any(p => p.Id == n.PersonId && p.Email == rsvp.Email)),
                _ => Unread(db, e, []),
            };
            foreach (var notification in await answered.ToListAsync(ct))
            {
                notification.ReadAt ??= e.OccurredAt;
            }
        }
    }

    /// <summary>The unread notices of <paramref name="kinds"/> about the event's subject, from before it.</summary>
    private static IQueryable<Notification> Unread(WorkspaceDb db, EventRecord e, string[] kinds) =>
        db.Notifications.Where(n => n.ReadAt == null && n.SubjectKind == e.SubjectKind && n.SubjectId == e.SubjectId && n.EventSeq < e.Seq && kinds.Contains(n.Kind));

    public void Committed(WorkspaceDb db)
    {
    }
}
