namespace Workspace.Server.Domain;

/// <summary>The chain's key was rotated: rows from now on are hashed under <paramref name="KeyId"/>.</summary>
public sealed record ChainKeyRotated(string KeyId, string? PreviousKeyId) : IEventData
{
    public static string Type => "audit.key-rotated";
}

/// <summary>Someone signed in through the identity provider and waits for the secretariat to set their agency.</summary>
public sealed record PersonAwaitingAgency(string Email, string DisplayName, string Issuer) : IEventData
{
    public static string Type => "person.awaiting-agency";
}

/// <summary>An agency joined the group.</summary>
public sealed record AgencyRegistered(string Code, string Name) : IEventData
{
    public static string Type => "agency.registered";
}

/// <summary>An agency's public profile changed: what the member directory shows.</summary>
public sealed record AgencyProfileUpdated(string Code, string Mandate, IReadOnlyList<string> ThematicPriorities, IReadOnlyList<string> Regions,
    IReadOnlyList<KeyActivity> KeyActivities, string? ResourcesUrl) : IEventData
{
    public static string Type => "agency.profile-updated";
}

/// <summary>A focal point was registered for an agency: told to that agency and the secretariat.</summary>
public sealed record FocalPointRegistered(string Code, string Email, string DisplayName) : IEventData
{
    public static string Type => "agency.focal-point-registered";
}

/// <summary>The themes and regions the directory offers changed.</summary>
public sealed record DirectoryTermsChanged(IReadOnlyList<string> Themes, IReadOnlyList<string> Regions) : IEventData
{
    public static string Type => "directory.terms-changed";
}

/// <summary>A co-chair term was set: two agencies, from one day to another.</summary>
public sealed record CoChairTermCreated(Guid Id, IReadOnlyList<string> AgencyCodes, DateOnly From, DateOnly To) : IEventData
{
    public static string Type => "cochair-term.created";
}

/// <summary>A working group was formed.</summary>
public sealed record WorkingGroupCreated(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes) : IEventData
{
    public static string Type => "working-group.created";
}

/// <summary>A working group's name, lead or members changed.</summary>
public sealed record WorkingGroupUpdated(Guid Id, string Name, string LeadAgencyCode, IReadOnlyList<string> MemberAgencyCodes) : IEventData
{
    public static string Type => "working-group.updated";
}

/// <summary>A person named an alternate who may act for them between two moments.</summary>
public sealed record AlternateNamed(string Email, string Alternate, DateTimeOffset From, DateTimeOffset To) : IEventData
{
    public static string Type => "person.alternate-named";
}

/// <summary>A person's alternate stopped acting for them.</summary>
public sealed record AlternateEnded(string Email, string Alternate, DateTimeOffset EndedAt) : IEventData
{
    public static string Type => "person.alternate-ended";
}
