using Workspace.Server.Auth;
using Workspace.Server.Components.Circuits;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Features.Settings;

namespace Workspace.Server.Components;

/// <summary>The reader of a page: their settings (zone, language), read once per page or circuit.</summary>
public sealed class Viewer(PageSender sender, ICurrentUser me)
{
    private MySettings? settings;

    public async Task<MySettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        settings ??= me.IsAuthenticated ? await sender.Send(new GetMySettings.Query(), cancellationToken) : new MySettings(MySettings.DefaultZone, null);

    /// <summary>The reader's zone: their profile's, else UTC.</summary>
    public async Task<string> ZoneAsync(CancellationToken cancellationToken = default) => MeetingZones.Described((await SettingsAsync(cancellationToken)).TimeZone);
}
