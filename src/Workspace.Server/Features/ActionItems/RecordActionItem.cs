using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Agencies;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Those who convene a meeting record what an agency promised there, on an agenda item or on the meeting as a whole.</summary>
public static class RecordActionItem
{
    public sealed record Body(string? Title, string? OwnerAgencyCode, DateOnly? DueDate, Guid? AgendaItemId);

    public sealed record Command(Guid MeetingId, string? Title, string? OwnerAgencyCode, DateOnly? DueDate, Guid? AgendaItemId)
        : ICommand<ActionItemView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WorkspaceDb db)
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(500);
            RuleFor(c => c.OwnerAgencyCode).NotEmpty().MaximumLength(16);
            RuleFor(c => new[] { c.OwnerAgencyCode! }).MustAllBeMembers(db).WithMessage("The owner must be a member agency.")
                .OverridePropertyName("ownerAgencyCode").When(c => !string.IsNullOrEmpty(c.OwnerAgencyCode));
            RuleFor(c => c.DueDate).NotNull().WithMessage("Give the day it is due (yyyy-mm-dd).");
            RuleFor(c => c.AgendaItemId).NotEqual(Guid.Empty);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, ActionItemAccess access, TimeProvider clock) : IRequestHandler<Command, ActionItemView>
    {
        public async Task<ActionItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var item = ActionItem.Record(meeting, command.AgendaItemId, command.Title!, command.OwnerAgencyCode!, command.DueDate!.Value, me.AsActor(), now);
            db.ActionItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            return await db.ViewAsync(item.Id, access, now, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/action-items", async (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var item = await mediator.Send(new Command(meetingId, body.Title, body.OwnerAgencyCode, body.DueDate, body.AgendaItemId), ct);
                return TypedResults.Created($"/api/action-items/{item.Id}", item);
            })
            .WithName("RecordActionItem")
            .WithSummary("Record an action item of a meeting")
            .WithDescription("`{title, ownerAgencyCode, dueDate (yyyy-mm-dd, in the meeting's zone), agendaItemId?}` → 201 with `status: Open`. Those who convene the meeting and the secretariat. The owner is one of the invited agencies; the due day is today or later (409 otherwise).");
}
