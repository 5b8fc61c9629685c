using Microsoft.AspNetCore.Identity;

namespace Workspace.Server.Data;

/// <summary>A signed-in person. Each belongs to exactly one agency.</summary>
public sealed class Person : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public string AgencyCode { get; set; } = "";

    /// <summary>The IANA zone times are shown in; null until the browser first tells it (then UTC).</summary>
    public string? TimeZone { get; set; }

    /// <summary>The language of the pages (<c>en</c>, <c>fr</c>); null: the browser's.</summary>
    public string? Language { get; set; }
}

public static class Roles
{
    public const string Secretariat = nameof(Secretariat);
    public const string FocalPoint = nameof(FocalPoint);

    public static readonly IReadOnlyList<string> All = [Secretariat, FocalPoint];
}
