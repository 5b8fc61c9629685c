using Microsoft.AspNetCore.Identity;

namespace Workspace.Server.Auth;

/// <summary>A signed-in person. Each belongs to exactly one agency.</summary>
public sealed class Person : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public string AgencyCode { get; set; } = "";
}

public static class Roles
{
    public const string Secretariat = nameof(Secretariat);
    public const string FocalPoint = nameof(FocalPoint);

    public static readonly IReadOnlyList<string> All = [Secretariat, FocalPoint];
}

public static class WorkspaceClaims
{
    public const string Agency = "agency";
    public const string DisplayName = "display_name";

    /// <summary>On a principal that stands for a person through their calendar feed's secret, and nothing else.</summary>
    public const string CalendarFeed = "calendar_feed";
}
