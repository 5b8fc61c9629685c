using System.ComponentModel.DataAnnotations;

namespace Workspace.Server;

/// <summary>The group itself. Section <c>Group</c>.</summary>
public sealed class GroupOptions
{
    /// <summary>The agency that is the group's coordinator and secretariat.</summary>
    [Required, RegularExpression("^[A-Z][A-Z0-9-]{1,15}$")]
    public string SecretariatAgencyCode { get; set; } = "UNODC";
}

/// <summary>Demo data for a fresh database. Section <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public bool Demo { get; set; } = true;

    /// <summary>The password of every demo sign-in; required to seed outside Development.</summary>
    public string? DemoPassword { get; set; }
}

/// <summary>
/// The first secretariat sign-in of a deployment without demo data. Section <c>Bootstrap</c>. When both are
/// set and no one has that address yet, start-up registers the secretariat's agency (if missing) and this person.
/// </summary>
public sealed class BootstrapOptions
{
    public string? SecretariatEmail { get; set; }

    public string? SecretariatPassword { get; set; }

    /// <summary>Name given to the secretariat's agency if it is not yet a member.</summary>
    public string SecretariatAgencyName { get; set; } = "United Nations Office on Drugs and Crime";
}

/// <summary>Sign-in and tokens. Section <c>Access</c>.</summary>
public sealed class AccessOptions
{
    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 60;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;

    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 10_000)]
    public int LoginPermitsPerMinute { get; set; } = 20;
}

/// <summary>Limits of the HTTP API. Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Timed work. Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;
}
