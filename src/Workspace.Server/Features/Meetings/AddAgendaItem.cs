using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class AddAgendaItem
{
    public sealed record Body(string Title, string? PresenterAgencyCode);

    public sealed record Command(Guid MeetingId, string Title, string? PresenterAgencyCode) : ICommand<AgendaItemView>, IMeetingOrganizerRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.PresenterAgencyCode).MaximumLength(16);
        }
    }

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock, ICurrentUser me) : IRequestHandler<Command, AgendaItemView>
    {
        public async Task<AgendaItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(command.MeetingId, cancellationToken);
            var item = meeting.AddAgendaItem(command.Title, command.PresenterAgencyCode, me.AsActor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new AgendaItemView(item.Id, item.Position, item.Title, item.PresenterAgencyCode);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/agenda-items", async (Guid meetingId, Body body, IMediator mediator, CancellationToken ct) =>
            {
                var item = await mediator.Send(new Command(meetingId, body.Title, body.PresenterAgencyCode), ct);
                return TypedResults.Created($"/api/meetings/{meetingId}", item);
            })
            .WithName("AddAgendaItem")
            .WithSummary("Add an agenda item")
            .WithDescription("A title and, optionally, the invited agency presenting it. Those who may convene the meeting.");
}
