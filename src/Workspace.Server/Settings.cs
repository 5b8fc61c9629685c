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

    /// <summary>Failed sign-ins for one e-mail address from one client per window (see SignInThrottle).</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int FailureWindowMinutes { get; set; } = 15;

    [Range(1, 10_000)]
    public int LoginPermitsPerMinute { get; set; } = 100;
}

/// <summary>Sign-off rounds. Section <c>SignOff</c>.</summary>
public sealed class SignOffOptions : IValidatableObject
{
    /// <summary>The least time between opening a round and its deadline.</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.Zero;

    /// <summary>How long the signatories of a paper may object to an editorial correction before it is adopted.</summary>
    public int CorrectionSilenceHours { get; set; } = 48;

    /// <summary>Hours before a deadline at which agencies still pending are reminded, comma-separated.</summary>
    public string ReminderHoursBefore { get; set; } = "48,24";

    /// <summary>The parsed hours, largest first; what does not parse is reported by <see cref="Validate"/> at start-up.</summary>
    public IReadOnlyList<int> ReminderHours =>
        [.. ReminderHoursBefore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => int.TryParse(h, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours) ? hours : 0)
            .Where(h => h > 0).Distinct().OrderDescending()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinimumNotice < TimeSpan.Zero)
        {
            yield return new ValidationResult("SignOff:MinimumNotice cannot be negative.", [nameof(MinimumNotice)]);
        }

        if (CorrectionSilenceHours is < 1 or > 24 * 30)
        {
            yield return new ValidationResult("SignOff:CorrectionSilenceHours is a whole number of hours from 1 to 720.", [nameof(CorrectionSilenceHours)]);
        }

        if (ReminderHoursBefore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(h => !int.TryParse(h, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 24 * 60))
        {
            yield return new ValidationResult("SignOff:ReminderHoursBefore is a comma-separated list of whole hours (1 to 1440), e.g. 48,24.", [nameof(ReminderHoursBefore)]);
        }
    }
}

/// <summary>Meetings. Section <c>Meetings</c>.</summary>
public sealed class MeetingOptions
{
    /// <summary>Hours before a meeting at which those invited who have not declined are reminded.</summary>
    [Range(1, 24 * 14)]
    public int ReminderHoursBefore { get; set; } = 24;

    /// <summary>Days before an action item's due day ends at which its owner agency is reminded (and again once overdue).</summary>
    [Range(1, 60)]
    public int ActionItemReminderDaysBefore { get; set; } = 2;

    /// <summary>Hours before a poll's deadline at which invited agencies that have not answered are reminded.</summary>
    [Range(1, 24 * 14)]
    public int PollReminderHoursBefore { get; set; } = 24;
}

/// <summary>Live updates through the hub. Section <c>Live</c>.</summary>
public sealed class LiveOptions
{
    /// <summary>Events waiting for one connection before it is told to resume instead.</summary>
    [Range(1, 1_000_000)]
    public int ConnectionBufferSize { get; set; } = 1000;

    /// <summary>How often the relay reads the log even if no commit woke it (d.hh:mm:ss).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one connection may take to accept one message before it is dropped (it reconnects and resumes).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Origins, besides the server's own, whose pages may open the hub (comma-separated, e.g. https://intranet.example).</summary>
    public string AllowedOrigins { get; set; } = "";
}

/// <summary>Limits of the HTTP API. Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest Word document accepted for import, in bytes (images make them larger than other requests).</summary>
    [Range(1024, 200 * 1024 * 1024)]
    public long MaxWordFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long an Idempotency-Key is remembered; a retry later than that is a new request.</summary>
    [Range(1, 24 * 30)]
    public int IdempotencyKeyHours { get; set; } = 24;

    /// <summary>Changes one person (or one client, signed out) may make in a minute on one node, beyond which 429; 0: no limit.</summary>
    [Range(0, 1_000_000)]
    public int WritesPerMinute { get; set; } = 300;

    /// <summary>The address people reach the server at (https://workspace.example.org), for links in answers; empty: the address it listens on.</summary>
    [Url]
    public string? PublicUrl { get; set; }
}

/// <summary>Timed work. Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often Hangfire looks for scheduled jobs that are due: the latest a deadline can be late.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Where the event log's chain key and its anchor live, outside the database. Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// The chain's keys, one <c>id base64</c> line each, the last the current one; created with one key when
    /// missing. Empty: <c>workspace.chain-keys</c> beside the database file. Keep it where those who can write
    /// the database cannot read it.
    /// </summary>
    public string KeyFile { get; set; } = "";

    /// <summary>
    /// An append-only record of the log's head (<c>seq hash</c> lines), so a log cut short is noticed. Empty:
    /// <c>workspace.anchor</c> beside the database file. Put it on other storage (or make it append-only,
    /// <c>chattr +a</c>) so that whoever can change the database cannot change it too.
    /// </summary>
    public string AnchorFile { get; set; } = "";
}

/// <summary>Metrics and traces the server exports all the time. Section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Where Prometheus scrapes the metrics (ASP.NET Core, EF Core, runtime, one histogram per request type); empty: no scrape endpoint.</summary>
    [RegularExpression("^(/[A-Za-z0-9_./-]*)?$")]
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>Whether only this machine may scrape (a Prometheus beside the server, or behind the same proxy); the metrics name no one, but say how busy the group is.</summary>
    public bool ScrapeFromLoopbackOnly { get; set; } = true;

    /// <summary>An OTLP collector to push metrics and traces to (http://collector:4317); empty: none.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }
}

/// <summary>
/// Outgoing mail. Section <c>Mail</c>. The outbox records every message as changes are saved; with no
/// <c>Mail:Smtp:Host</c> (and no pickup folder) none is sent: each is closed as not sent, never sent later.
/// </summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server. Section <c>Mail:Smtp</c>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender's address.</summary>
    [EmailAddress]
    public string From { get; set; } = "workspace@localhost";

    /// <summary>The sender's name.</summary>
    public string FromName { get; set; } = "Inter-Agency Workspace";

    /// <summary>With no SMTP host: a folder to write each message to as an .eml file, for trying mail out without a server.</summary>
    public string PickupFolder { get; set; } = "";

    /// <summary>Attempts per message before it is given up (logged as an error).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Whether messages go anywhere: an SMTP host or a pickup folder.</summary>
    public bool Sends => Smtp.Host.Length > 0 || PickupFolder.Length > 0;
}

/// <summary>The SMTP server mail is sent through. Section <c>Mail:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: no mail is sent.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>TLS required: from the first byte on port 465, by STARTTLS on any other. Off only for a relay on the same machine or network.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The SMTP sign-in, if the server asks for one (set the password as a secret: Mail__Smtp__Password).</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";
}

/// <summary>The database engines the workspace runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: one server node (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by one or several server nodes.</summary>
    PostgreSql,
}

/// <summary>Which database holds the workspace. Section <c>Database</c>; the connection is <c>ConnectionStrings:Workspace</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (an embedded file, one node) or <c>PostgreSql</c> (one database, one or several nodes).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// PostgreSQL: the most connections one node opens for requests (and as many for its jobs). Keep nodes × 2 × this
    /// below the server's <c>max_connections</c>: a request then waits for a free connection, never fails for want of one.
    /// </summary>
    [Range(2, 1000)]
    public int MaxPoolSize { get; set; } = 20;
}

/// <summary>The database's storage. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The most the database file may grow to, in megabytes; beyond, writes answer 503 as on a full disk. 0: no limit.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxDatabaseMegabytes { get; set; }

    /// <summary>Seconds a client is told to wait (Retry-After) when storage cannot take writes.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>Where POST /api/operations/backup writes; empty: <c>backups</c> beside the database file.</summary>
    public string BackupFolder { get; set; } = "";
}

/// <summary>
/// Sign-in through the organization's identity provider (OpenID Connect: Microsoft Entra ID or any standard
/// provider) beside, or instead of, passwords. Section <c>SingleSignOn</c>.
/// </summary>
public sealed class SingleSignOnOptions : IValidatableObject
{
    public bool Enabled { get; set; }

    /// <summary>How the sign-in button names the provider: "Sign in with {DisplayName}".</summary>
    [MaxLength(100)]
    public string DisplayName { get; set; } = "your organization's account";

    /// <summary>The provider's issuer address, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>A secret: set it as SingleSignOn__ClientSecret.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Scopes asked for, space-separated.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The claim naming a person's agency, if the provider sends one; empty: the secretariat sets it on first sign-in.</summary>
    public string AgencyClaim { get; set; } = "";

    /// <summary>Claim values to agency codes, "value=CODE,value=CODE" (e.g. group ids); empty: the claim's value is the code itself.</summary>
    public string AgencyMap { get; set; } = "";

    /// <summary>false only for a provider on a test machine reached over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// false only for a provider that sends no <c>email_verified</c> claim and whose addresses are all the organization's
    /// own (as Microsoft Entra ID's): a first sign-in then links to the person registered with that address.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>false: only single sign-on; password sign-in is refused (the secretariat's bootstrap account included).</summary>
    public bool PasswordSignIn { get; set; } = true;

    /// <summary>The agency a claim value names, through the map if there is one.</summary>
    public string? AgencyFor(IEnumerable<string> claimValues)
    {
        var map = AgencyMap.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries)).Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return claimValues.Select(v => map.Count == 0 ? v.Trim().ToUpperInvariant() : map.GetValueOrDefault(v.Trim())).FirstOrDefault(code => !string.IsNullOrEmpty(code));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("SingleSignOn:Authority is the provider's issuer address (https://…) when SingleSignOn:Enabled is true.", [nameof(Authority)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("SingleSignOn:ClientId is the workspace's registration at the provider when SingleSignOn:Enabled is true.", [nameof(ClientId)]);
        }

        if (Enabled && RequireHttpsMetadata && Uri.TryCreate(Authority, UriKind.Absolute, out var plain) && plain.Scheme == "http")
        {
            yield return new ValidationResult(
                $"SingleSignOn:Authority {Authority} is plain HTTP: give the provider's https:// address, or set SingleSignOn:RequireHttpsMetadata to false for a provider on a test machine.",
                [nameof(Authority)]);
        }

        if (!PasswordSignIn && !Enabled)
        {
            yield return new ValidationResult("SingleSignOn:PasswordSignIn can be false only with SingleSignOn:Enabled true: otherwise nobody could sign in.", [nameof(PasswordSignIn)]);
        }

        if (AgencyMap.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(pair => pair.Split('=', StringSplitOptions.TrimEntries) is not [{ Length: > 0 }, { Length: > 0 }]))
        {
            yield return new ValidationResult("SingleSignOn:AgencyMap is a comma-separated list of value=CODE pairs.", [nameof(AgencyMap)]);
        }
    }
}
