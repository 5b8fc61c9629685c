using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Settings;

/// <summary>
/// At sign-in on a page, a person who never chose a time zone takes the browser's (UI.md §7): a zone chosen
/// in the settings is never replaced by this. Answers the person's settings either way.
/// </summary>
public static class AdoptBrowserZone
{
    public sealed record Command(string? BrowserZone) : ICommand<MySettings>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.BrowserZone).MaximumLength(64);
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, MySettings>
    {
        public async Task<MySettings> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.Users.SingleOrDefaultAsync(p => p.Id == me.Id, cancellationToken) ?? throw new UnauthenticatedException();
            var zone = MeetingZones.IsAccepted(command.BrowserZone) ? command.BrowserZone : MeetingZones.CanonicalFor(command.BrowserZone);
            if (person.TimeZone is null && MeetingZones.IsAccepted(zone))
            {
                person.TimeZone = zone;
                await db.SaveChangesAsync(cancellationToken);
            }

            return new MySettings(person.TimeZone ?? MySettings.DefaultZone, person.Language);
        }
    }
}
