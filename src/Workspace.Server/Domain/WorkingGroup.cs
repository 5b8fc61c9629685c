namespace Workspace.Server.Domain;

/// <summary>A standing group of member agencies led by one of them.</summary>
public sealed class WorkingGroup : Aggregate
{
    private WorkingGroup()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string LeadAgencyCode { get; private set; } = "";

    /// <summary>Always includes the lead agency.</summary>
    public List<string> MemberAgencyCodes { get; private set; } = [];

    public int Version { get; private set; }

    public static WorkingGroup Create(string name, string leadAgencyCode, IEnumerable<string> memberAgencyCodes, Actor by)
    {
        var group = new WorkingGroup
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            LeadAgencyCode = leadAgencyCode,
            MemberAgencyCodes = [.. memberAgencyCodes.Append(leadAgencyCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Version = 1,
        };
        group.ActAs(by);
        group.Raise(DomainEvent.Of(new WorkingGroupCreated(group.Id, group.Name, leadAgencyCode, group.MemberAgencyCodes),
            new Subject("working-group", group.Id.ToString()), Audience.Everyone));
        return group;
    }

    public void Change(string name, string leadAgencyCode, IEnumerable<string> memberAgencyCodes, Actor by)
    {
        ActAs(by);
        Name = name.Trim();
        LeadAgencyCode = leadAgencyCode;
        MemberAgencyCodes = [.. memberAgencyCodes.Append(leadAgencyCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Version++;
        Raise(DomainEvent.Of(new WorkingGroupUpdated(Id, Name, leadAgencyCode, MemberAgencyCodes), new Subject("working-group", Id.ToString()), Audience.Everyone));
    }
}
