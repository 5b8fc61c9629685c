using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// After a meeting has started, those who convened it draft its minutes: a paper of kind Minutes linked to
/// the meeting, led by the drafter's agency, which goes through the same review and sign-off as any paper.
/// </summary>
public static class DraftMinutes
{
    public sealed record Body(string? Title, IReadOnlyList<string>? ParticipatingAgencyCodes);

    public sealed record Command(Guid MeetingId, string? Title, IReadOnlyList<string>? ParticipatingAgencyCodes) : ICommand<PaperView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Title).MaximumLength(300);
            RuleFor(c => c.ParticipatingAgencyCodes!)
                .MustAllBeMembers(db)
                .WithMessage("Every participating agency must be a member.")
                .When(c => c.ParticipatingAgencyCodes is not null);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, PaperAccess access, TimeProvider clock) : IRequestHandler<Command, PaperView>
    {
        public async Task<PaperView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var held = MeetingTime.InZone(meeting.StartsAt, meeting.TimeZone);
            var paper = Paper.Create(command.Title ?? $"Minutes: {meeting.Title} ({held:d MMMM yyyy})", PaperKind.Minutes, me.AgencyCode,
                command.ParticipatingAgencyCodes ?? meeting.InvitedAgencyCodes, meeting.WorkingGroupId, me.AsActor(), now, meeting.Id);
            meeting.LinkMinutes(paper.Id, me.AsActor(), now);
            db.Papers.Add(paper);
            await db.SaveChangesAsync(cancellationToken);
            return paper.ViewFor(access);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/minutes", async (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var paper = await mediator.Send(new Command(meetingId, body.Title, body.ParticipatingAgencyCodes), ct);
                return TypedResults.Created($"/api/papers/{paper.Id}", paper);
            })
            .WithName("DraftMinutes")
            .WithSummary("Start the minutes of a meeting")
            .WithDescription("A paper of kind Minutes, led by your agency, with the invited agencies (or those named) participating; then drafted and signed off like any paper. Those who convened the meeting; once it has started; one per meeting (409).");
}
