using System.Text.Json;

namespace Workspace.Client;

/// <summary>The answer to a successful sign-in or refresh.</summary>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="AccessToken">Send as <c>Authorization: Bearer …</c>, or as <c>access_token</c> to the hub.</param>
/// <param name="ExpiresIn">Seconds the access token stays valid.</param>
/// <param name="RefreshToken">Exchanged for a new access token at <c>/api/auth/refresh</c>.</param>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>The signed-in person.</summary>
/// <param name="Email">Their sign-in address.</param>
/// <param name="DisplayName">Their name as others see it.</param>
/// <param name="AgencyCode">The one agency they act for.</param>
/// <param name="Roles"><c>Secretariat</c> and/or <c>FocalPoint</c>.</param>
/// <param name="IsCoChair">Whether their agency co-chairs the group today.</param>
public sealed record MeView(string Email, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles, bool IsCoChair);

/// <summary>A member agency in a list.</summary>
/// <param name="Code">Upper-case code, such as <c>UNODC</c>.</param>
/// <param name="Name">Full name.</param>
public sealed record AgencySummary(string Code, string Name);

/// <summary>A person who acts for an agency.</summary>
/// <param name="Email">Their sign-in address.</param>
/// <param name="DisplayName">Their name.</param>
public sealed record FocalPoint(string Email, string DisplayName);

/// <summary>An agency's profile.</summary>
/// <param name="Code">Upper-case code.</param>
/// <param name="Name">Full name.</param>
/// <param name="Mandate">What the agency does about the group's subject.</param>
/// <param name="ThematicPriorities">Themes the agency leads on.</param>
/// <param name="FocalPoints">People who act for it.</param>
/// <param name="Regions">Where it works.</param>
/// <param name="KeyActivities">What it does, for outside readers.</param>
/// <param name="ResourcesUrl">Its own page of resources.</param>
public sealed record AgencyProfile(string Code, string Name, string Mandate, IReadOnlyList<string> ThematicPriorities, IReadOnlyList<FocalPoint> FocalPoints,
    IReadOnlyList<string>? Regions = null, IReadOnlyList<KeyActivity>? KeyActivities = null, string? ResourcesUrl = null);

/// <summary>One thing a member does, as the public mapping shows it.</summary>
/// <param name="Title">What.</param>
/// <param name="Year">When.</param>
/// <param name="Url">Where to read more.</param>
public sealed record KeyActivity(string Title, int Year, string? Url);

/// <summary>An entry of the public member directory.</summary>
/// <param name="Code">Upper-case code.</param>
/// <param name="Name">Full name.</param>
/// <param name="Mandate">What the agency does about the group's subject.</param>
/// <param name="ThematicPriorities">Themes it works on, from the group's list.</param>
/// <param name="Regions">Where it works, from the group's list.</param>
public sealed record Member(string Code, string Name, string Mandate, IReadOnlyList<string>? ThematicPriorities = null, IReadOnlyList<string>? Regions = null);

/// <summary>The group's lists for the member directory.</summary>
/// <param name="Themes">Thematic priorities a profile may name.</param>
/// <param name="Regions">Regions a profile may name.</param>
public sealed record DirectoryTerms(IReadOnlyList<string> Themes, IReadOnlyList<string> Regions);

/// <summary>Two agencies co-chairing the group for a period.</summary>
/// <param name="Id">Identifier of the term.</param>
/// <param name="AgencyCodes">The two co-chair agencies.</param>
/// <param name="From">First day (inclusive).</param>
/// <param name="To">Last day (inclusive).</param>
public sealed record CoChairTerm(Guid Id, IReadOnlyList<string> AgencyCodes, DateOnly From, DateOnly To);

/// <summary>A working group.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Name.</param>
/// <param name="LeadAgencyCode">The lead agency, always a member.</param>
/// <param name="MemberAgencyCodes">Member agencies.</param>
public sealed record WorkingGroup(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes);

/// <summary>What an event is about.</summary>
/// <param name="Kind">Kind of object (<c>agency</c>, <c>paper</c>, …).</param>
/// <param name="Id">Its identifier.</param>
public sealed record EventSubject(string Kind, string Id);

/// <summary>One entry of the ordered event log.</summary>
/// <param name="Seq">Position in the log: strictly increasing, no gaps.</param>
/// <param name="Type">Such as <c>agency.registered</c>.</param>
/// <param name="OccurredAt">When it was committed.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Actor">Who acted: an e-mail address, or <c>system</c>.</param>
/// <param name="Data">The event's details.</param>
public sealed record WorkspaceEvent(long Seq, string Type, DateTimeOffset OccurredAt, EventSubject Subject, string Actor, JsonElement Data);

/// <summary>The result of verifying the event log's hash chain.</summary>
/// <param name="Ok">Whether every row is as written.</param>
/// <param name="Events">Rows checked.</param>
/// <param name="Head">Hash of the last row.</param>
/// <param name="FirstBrokenSeq">Where the chain first breaks, if it does.</param>
/// <param name="AnchoredSeq">The highest seq anchored outside the database.</param>
/// <param name="Problems">Each finding in words.</param>
public sealed record AuditResult(bool Ok, long Events, string Head, long? FirstBrokenSeq, long AnchoredSeq, IReadOnlyList<string> Problems);

/// <summary>How a person receives each kind of mail.</summary>
/// <param name="Kinds">Every kind (<c>round-opened</c>, <c>meeting-scheduled</c>, …) with <c>Off</c>, <c>Immediate</c> or <c>Digest</c> (daily at 08:00 in the person's zone).</param>
public sealed record MailSettings(IReadOnlyDictionary<string, string> Kinds);
