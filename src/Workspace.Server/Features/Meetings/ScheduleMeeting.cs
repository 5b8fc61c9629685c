using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>Co-chairs or the secretariat convene a plenary or Heads' meeting; a working group's lead also its meetings.</summary>
public static class ScheduleMeeting
{
    public sealed record Command(string Title, MeetingKind? Kind, Guid? WorkingGroupId, DateTimeOffset? StartsAt, int? DurationMinutes, string TimeZone,
        IReadOnlyList<string>? InvitedAgencyCodes, string? Venue = null, string? OnlineUrl = null, IReadOnlyList<AgendaItemInput>? Agenda = null)
        : ICommand<MeetingView>, IConveneRequest;

    /// <summary>An item of the agenda given with the meeting.</summary>
    public sealed record AgendaItemInput(string? Title, string? PresenterAgencyCode);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db, TimeProvider clock)
        {
            Convening.Rules(this, c => c.Title, c => c.Kind, c => c.WorkingGroupId, c => c.InvitedAgencyCodes, db);
            MeetingTime.Rules(this, c => c.StartsAt, c => c.DurationMinutes, c => c.TimeZone, clock);
            MeetingTime.PlaceRules(this, c => c.Venue, c => c.OnlineUrl);
            RuleFor(c => c.Agenda).Must(a => a is null || a.Count <= 50).WithMessage("An agenda has at most 50 items.");
            RuleForEach(c => c.Agenda).ChildRules(item =>
            {
                item.RuleFor(i => i.Title).NotEmpty().WithMessage("Give each agenda item a title.").MaximumLength(300).WithMessage("An agenda item's title is at most 300 characters.");
                item.RuleFor(i => i.PresenterAgencyCode).MaximumLength(16).WithMessage("Choose the presenting agency from the list.");
            }).OverridePropertyName("agenda");
        }
    }

    internal sealed class Handler(PaperAccess access, WorkspaceDb db, ICurrentUser me, TimeProvider clock)
        : IRequestHandler<Command, MeetingView>
    {
        public async Task<MeetingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var invited = await Convening.InviteesAsync(db, command.Kind!.Value, command.WorkingGroupId, command.InvitedAgencyCodes, cancellationToken);
            var meeting = Meeting.Schedule(command.Title, command.Kind!.Value, command.WorkingGroupId, command.StartsAt!.Value.UtcDateTime,
                command.DurationMinutes!.Value, command.TimeZone, invited, me.AsActor(), clock.GetUtcNow().UtcDateTime,
                new MeetingPlace(command.Venue, command.OnlineUrl),
                [.. (command.Agenda ?? []).Select(i => (i.Title!, string.IsNullOrWhiteSpace(i.PresenterAgencyCode) ? null : i.PresenterAgencyCode.Trim().ToUpperInvariant()))]);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            return await MeetingView.ForAsync(access, meeting, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/", async (Command body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/meetings/{created.Id}", created);
            })
            .WithName("ScheduleMeeting")
            .WithSummary("Convene a meeting")
            .WithDescription("`startsAt` is an instant with its offset; `timeZone` the organizer's IANA zone, in which invitations describe it. `venue` (address, building, room) and `onlineUrl` (https; shown to the invited only) are optional, as is `agenda` `[{title, presenterAgencyCode?}]` (a presenter must be invited). Plenary and Heads: co-chairs or secretariat; WorkingGroup: also the group's lead. Invited agencies default to every member (Plenary, Heads) or the group's members; the organizer's agency is always invited.");
}
