using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Settings;

/// <summary>A person sets the zone times are shown in and the language of the pages, for every device they use.</summary>
public static class UpdateMySettings
{
    public sealed record Command(string? TimeZone, string? Language) : ICommand<MySettings>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TimeZone).NotEmpty().Must(MeetingZones.IsAccepted).WithMessage("Choose a time zone from the list, such as Europe/Vienna.");
            RuleFor(c => c.Language).Must(l => l is null || Locale.Languages.IsOffered(l)).WithMessage("Choose one of the six languages: en, fr, es, ru, zh or ar.");
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, MySettings>
    {
        public async Task<MySettings> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.Users.SingleOrDefaultAsync(p => p.Id == me.Id, cancellationToken) ?? throw new UnauthenticatedException();
            person.TimeZone = command.TimeZone;
            person.Language = command.Language;
            await db.SaveChangesAsync(cancellationToken);
            return new MySettings(person.TimeZone!, person.Language);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPut("/settings", async (Command body, IMediator mediator, CancellationToken ct) => await mediator.Send(body, ct))
            .WithName("UpdateMySettings")
            .WithSummary("Change my settings")
            .WithDescription("`timeZone`: a canonical IANA zone (`Europe/Vienna`); `language`: `en`, `fr`, `es`, `ru`, `zh`, `ar` or null. Unknown values → 400.");
}
