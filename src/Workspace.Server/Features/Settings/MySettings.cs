namespace Workspace.Server.Features.Settings;

/// <summary>How a person reads the workspace: their time zone (IANA) and the language of the pages.</summary>
public sealed record MySettings(string TimeZone, string? Language)
{
    public const string DefaultZone = "UTC";
}
