using Workspace.Server.Data;
using Workspace.Server.Domain;

namespace Workspace.Tests.Domain;

public sealed class MembershipRulesTests
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private static readonly DateOnly Dec31 = new(2027, 12, 31);

    [Fact]
    public void Registering_an_agency_raises_agency_registered_for_everyone()
    {
        var agency = Agency.Register("UNODC", " United Nations Office on Drugs and Crime ", Actor.System);

        var raised = Assert.Single(agency.Events);
        Assert.Equal("agency.registered", raised.Type);
        Assert.Equal(new Subject("agency", "UNODC"), raised.Subject);
        Assert.True(raised.Audience.IsEveryone);
        Assert.Equal("United Nations Office on Drugs and Crime", agency.Name);
    }

    [Fact]
    public void A_profile_update_trims_and_drops_empty_and_repeated_priorities()
    {
        var agency = Agency.Register("ILO", "International Labour Organization", Actor.System);
        agency.UpdateProfile(" Decent work ", ["Forced labour", " ", "Forced labour", "Fair recruitment "], Actor.System);

        Assert.Equal("Decent work", agency.Mandate);
        Assert.Equal(["Forced labour", "Fair recruitment"], agency.ThematicPriorities);
        Assert.Equal(2, agency.Version);
        Assert.Equal("agency.profile-updated", agency.Events[^1].Type);
    }

    [Fact]
    public void A_focal_point_registration_is_told_to_the_agency_only()
    {
        var agency = Agency.Register("IOM", "International Organization for Migration", Actor.System);
        agency.RecordFocalPointRegistered("someone@iom.demo", "Someone", new Actor("secretariat@unodc.demo", "UNODC"));

        var raised = agency.Events[^1];
        Assert.False(raised.Audience.IsEveryone);
        Assert.Equal(["IOM"], raised.Audience.AgencyCodes);
    }

    [Fact]
    public void CreateTerm_WhenAnotherTermOverlaps_IsNotPossible()
    {
        var existing = CoChairTerm.Create(["ILO", "UNHCR"], Jan1, Dec31, [], Actor.System);

        var refused = Assert.Throws<RuleBrokenException>(() => CoChairTerm.Create(["IOM", "UNICEF"], Dec31, Dec31.AddDays(30), [existing], Actor.System));
        Assert.Equal("overlapping-term", refused.Code);
        Assert.Equal(existing.Id, refused.Extensions["conflictingTermId"]);
    }

    [Fact]
    public void CreateTerm_StartingTheDayAfterTheLastEnds_IsPossible()
    {
        var existing = CoChairTerm.Create(["ILO", "UNHCR"], Jan1, Dec31, [], Actor.System);
        var next = CoChairTerm.Create(["IOM", "UNICEF"], Dec31.AddDays(1), Dec31.AddYears(1), [existing], Actor.System);

        Assert.True(next.Includes(Dec31.AddDays(1)));
        Assert.False(existing.Includes(Dec31.AddDays(1)));
        Assert.Equal("cochair-term.created", Assert.Single(next.Events).Type);
    }

    [Theory]
    [InlineData("ILO")]
    [InlineData("ILO,ILO")]
    [InlineData("ILO,IOM,UNICEF")]
    public void CreateTerm_WithoutExactlyTwoDistinctAgencies_IsNotPossible(string codes)
    {
        Assert.Throws<ArgumentException>(() => CoChairTerm.Create(codes.Split(','), Jan1, Dec31, [], Actor.System));
    }

    [Fact]
    public void CreateTerm_EndingBeforeItStarts_IsNotPossible()
    {
        Assert.Throws<ArgumentException>(() => CoChairTerm.Create(["ILO", "IOM"], Dec31, Jan1, [], Actor.System));
    }

    [Fact]
    public void A_working_groups_lead_is_always_among_its_members_once()
    {
        var group = WorkingGroup.Create("Research", "UNU", ["IOM", "UNU", "ILO", "IOM"], Actor.System);
        Assert.Equal(["ILO", "IOM", "UNU"], group.MemberAgencyCodes);
        Assert.Equal("working-group.created", Assert.Single(group.Events).Type);
    }

    [Fact]
    public void An_audience_of_agencies_is_sorted_and_distinct()
    {
        Assert.Equal(["ILO", "UNODC"], Audience.Agencies(["UNODC", "ILO", "UNODC"]).AgencyCodes);
    }

    [Fact]
    public void An_event_hash_covers_every_field_the_previous_hash_and_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("chain-keys");
        var keys = new ChainKeys(Path.Combine(folder.FullName, "keys"));
        var other = new ChainKeys(Path.Combine(folder.FullName, "other-keys"));
        var at = new DateTime(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
        string Hash(ChainKeys k, long seq, DateTime when, string actor, string audience, string previous, string? keyId = null) =>
            k.Hash(keyId ?? k.CurrentId, EventRecord.HashedText(seq, "t", when, "k", "i", actor, audience, "{}", previous, keyId ?? k.CurrentId))!;
        var hash = Hash(keys, 1, at, "a", "*", "");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, Hash(keys, 2, at, "a", "*", ""));
        Assert.NotEqual(hash, Hash(keys, 1, at.AddTicks(1), "a", "*", ""));
        Assert.NotEqual(hash, Hash(keys, 1, at, "b", "*", ""));
        Assert.NotEqual(hash, Hash(keys, 1, at, "a", ",ILO,", ""));
        Assert.NotEqual(hash, Hash(keys, 1, at, "a", "*", "00"));
        // Another key (another deployment's, or a guess) gives another hash: the chain cannot be recomputed without it.
        Assert.NotEqual(hash, Hash(other, 1, at, "a", "*", ""));
        // The same instant read back from SQLite without its kind hashes the same.
        Assert.Equal(hash, Hash(keys, 1, DateTime.SpecifyKind(at, DateTimeKind.Unspecified), "a", "*", ""));

        // A rotated key becomes current; the old one still verifies its rows.
        var rotated = keys.Rotate();
        Assert.Equal("k2", rotated);
        Assert.Equal(hash, Hash(new ChainKeys(Path.Combine(folder.FullName, "keys")), 1, at, "a", "*", "", "k1"));
        Assert.Null(keys.Hash("k9", "text"));
        folder.Delete(recursive: true);
    }
}
