using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Membership;

/// <summary>
/// The mapping of members for outside readers: themes and regions from the lists the secretariat keeps, key
/// activities and a link to resources on each profile, and the public directory filtered by theme and region.
/// </summary>
public sealed class MappingTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task The_directory_filters_by_theme_and_region_and_a_member_working_globally_is_in_every_region()
    {
        using var anonymous = host.Anonymous();
        var all = (await anonymous.GetFromJsonAsync<List<Member>>("/api/members", WorkspaceClient.Json))!;
        var children = (await anonymous.GetFromJsonAsync<List<Member>>("/api/members?theme=children", WorkspaceClient.Json))!;
        var europe = (await anonymous.GetFromJsonAsync<List<Member>>("/api/members?region=Europe%20and%20Central%20Asia", WorkspaceClient.Json))!;
        var both = (await anonymous.GetFromJsonAsync<List<Member>>("/api/members?theme=Prosecution&region=Europe%20and%20Central%20Asia", WorkspaceClient.Json))!;

        Assert.Equal(all.Where(m => m.ThematicPriorities!.Contains("Children")).Select(m => m.Code).Order(), children.Select(m => m.Code).Order());
        Assert.Contains(children, m => m.Code == "UNICEF");
        Assert.DoesNotContain(children, m => m.Code == "ILO");
        Assert.Contains(europe, m => m.Code == "OSCE");
        Assert.Contains(europe, m => m.Code == "UNODC");
        Assert.DoesNotContain(europe.Concat(both), m => m.Regions!.Count > 0 && !m.Regions.Contains("Global") && !m.Regions.Contains("Europe and Central Asia"));
        Assert.All(both, m => Assert.Contains("Prosecution", m.ThematicPriorities!));
        Assert.Contains(both, m => m.Code == "COE");

        var problem = await ProblemAssert.IsProblem(anonymous.GetAsync("/api/members?theme=Astrology"), HttpStatusCode.BadRequest);
        Assert.Contains("theme", ProblemAssert.ErrorFields(problem));
        Assert.Contains("Forced labour", problem.GetProperty("errors").GetProperty("theme")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_maps_their_agency_from_the_lists_with_key_activities_and_readers_see_them()
    {
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var updated = await iom.UpdateAgencyProfileAsync("IOM", "The UN migration agency.", ["protection", "Labour migration", "Technology"], ["Global"],
            [new("Counter-trafficking data collaborative", 2024, "https://www.ctdatacollaborative.org"), new("Victim assistance handbook", 2007, null)],
            "https://www.iom.int/counter-trafficking");

        Assert.Equal(["Protection", "Labour migration", "Technology"], updated.ThematicPriorities);
        using var anonymous = host.Anonymous();
        var profile = await anonymous.GetStringAsync("/api/members/IOM");
        Assert.Contains("Counter-trafficking data collaborative", profile, StringComparison.Ordinal);
        Assert.Contains("\"resourcesUrl\":\"https://www.iom.int/counter-trafficking\"", profile, StringComparison.Ordinal);
        Assert.Contains(await iom.ListMembersAsync("Technology", null), m => m.Code == "IOM");

        var notListed = await ProblemAssert.IsProblem(iom.Http.PutAsJsonAsync("/api/agencies/IOM/profile",
            new { mandate = "x", thematicPriorities = new[] { "Astrology" }, regions = new[] { "Atlantis" } }), HttpStatusCode.BadRequest);
        Assert.Equal(["regions", "thematicPriorities"], ProblemAssert.ErrorFields(notListed).Order());
        var badActivity = await ProblemAssert.IsProblem(iom.Http.PutAsJsonAsync("/api/agencies/IOM/profile",
            new { mandate = "x", thematicPriorities = Array.Empty<string>(), keyActivities = new[] { new { title = "", year = 1800, url = "javascript:alert(1)" } }, resourcesUrl = "ftp://x" }),
            HttpStatusCode.BadRequest);
        Assert.Contains("resourcesUrl", ProblemAssert.ErrorFields(badActivity));
        Assert.Contains(ProblemAssert.ErrorFields(badActivity), f => f.StartsWith("keyActivities", StringComparison.Ordinal));
        Assert.Equal("The UN migration agency.", (await iom.GetAgencyAsync("IOM")).Mandate);
    }

    [Fact]
    public async Task The_secretariat_keeps_the_lists_and_only_the_secretariat()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var before = await secretariat.GetDirectoryTermsAsync();
        Assert.Contains("Procurement", before.Themes);

        var changed = await secretariat.Http.PutAsJsonAsync("/api/directory-terms", new { themes = before.Themes.Append("Online exploitation"), regions = before.Regions });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Online exploitation", (await host.Anonymous().GetFromJsonAsync<DirectoryTerms>("/api/directory-terms", WorkspaceClient.Json))!.Themes);
        await ProblemAssert.IsProblem((await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).Http.PutAsJsonAsync("/api/directory-terms",
            new { themes = new[] { "Mine" }, regions = new[] { "Here" } }), HttpStatusCode.Forbidden);
        Assert.Contains("regions", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/directory-terms",
            new { themes = new[] { "Only themes" }, regions = Array.Empty<string>() }), HttpStatusCode.BadRequest)));
    }
}
