using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Membership;

public sealed class AgencyTestsOnSqlite(WorkspaceHost host) : AgencyTests<WorkspaceHost>(host);

public sealed class AgencyTestsOnPostgres(PostgresHost host) : AgencyTests<PostgresHost>(host);

public abstract class AgencyTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_demo_group_has_the_working_group_agencies_among_at_least_twenty_members()
    {
        var client = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var agencies = await client.ListAgenciesAsync();

        Assert.True(agencies.Count >= 20, $"{agencies.Count} agencies");
        Assert.Subset(agencies.Select(a => a.Code).ToHashSet(), new HashSet<string> { "UNODC", "ILO", "IOM", "OHCHR", "UNHCR", "UNICEF" });
        Assert.Contains(agencies, a => a is { Code: "UNODC", Name: "United Nations Office on Drugs and Crime" });
        Assert.Equal(agencies.Select(a => a.Code).Order(StringComparer.Ordinal), agencies.Select(a => a.Code));
    }

    [Fact]
    public async Task The_member_directory_is_public_and_lists_mandates_but_no_people()
    {
        using var http = host.Anonymous();
        var response = await http.GetAsync("/api/members");
        var text = await response.Content.ReadAsStringAsync();
        var members = JsonSerializer.Deserialize<List<Member>>(text, WorkspaceClient.Json)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(members, m => m.Code == "ILO" && m.Mandate.Contains("forced labour", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("@", text);
    }

    [Fact]
    public async Task An_agency_profile_lists_its_focal_points()
    {
        var client = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var profile = await client.GetAgencyAsync("UNHCR");

        Assert.Equal("Office of the United Nations High Commissioner for Refugees", profile.Name);
        Assert.Contains(profile.FocalPoints, f => f.Email == WorkspaceHost.FocalPoint("UNHCR"));
        Assert.NotEmpty(profile.ThematicPriorities);
    }

    [Fact]
    public async Task An_unknown_agency_is_404()
    {
        var http = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(http.GetAsync("/api/agencies/NOPE"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_secretariat_registers_an_agency_which_everyone_then_sees()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var response = await secretariat.Http.PostAsJsonAsync("/api/agencies", new { code = "UNITAR", name = "United Nations Institute for Training and Research" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/agencies/UNITAR", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<AgencySummary>(WorkspaceClient.Json);
        Assert.Equal(new AgencySummary("UNITAR", "United Nations Institute for Training and Research"), created);

        var focal = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.Contains(await focal.ListAgenciesAsync(), a => a.Code == "UNITAR");
        var events = await focal.ReadEventsAsync(0, 1000);
        Assert.Contains(events, e => e.Type == "agency.registered" && e.Subject == new EventSubject("agency", "UNITAR") && e.Actor == WorkspaceHost.Secretariat);
    }

    [Fact]
    public async Task Registering_a_code_already_in_use_is_409_and_changes_nothing()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var before = await secretariat.ReadEventsAsync(0, 1000);

        await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync("/api/agencies", new { code = "ILO", name = "Another ILO" }),
            HttpStatusCode.Conflict, "duplicate-agency");

        Assert.Equal("International Labour Organization", (await secretariat.GetAgencyAsync("ILO")).Name);
        Assert.Equal(before.Count, (await secretariat.ReadEventsAsync(0, 1000)).Count);
    }

    [Fact]
    public async Task Only_the_secretariat_registers_agencies()
    {
        var focal = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(focal.PostAsJsonAsync("/api/agencies", new { code = "XYZ", name = "Someone" }), HttpStatusCode.Forbidden, "forbidden");
        using var anonymous = host.Anonymous();
        await ProblemAssert.IsProblem(anonymous.PostAsJsonAsync("/api/agencies", new { code = "XYZ", name = "Someone" }), HttpStatusCode.Unauthorized);

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        Assert.DoesNotContain(await secretariat.ListAgenciesAsync(), a => a.Code == "XYZ");
    }

    [Theory]
    [InlineData("unodc", "code")]
    [InlineData("A", "code")]
    [InlineData("HAS SPACE", "code")]
    [InlineData("", "code")]
    public async Task A_malformed_agency_code_is_400_naming_the_field(string code, string field)
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/agencies", new { code, name = "Name" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Contains(field, ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task A_missing_name_is_400_naming_the_field()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/agencies", new { code = "NEWCO" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["name"], ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task Focal_points_edit_their_own_agency_profile_only()
    {
        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));
        var updated = await unicef.UpdateAgencyProfileAsync("UNICEF", "Protects every child from exploitation.", ["children", "Protection"]);

        Assert.Equal("Protects every child from exploitation.", updated.Mandate);
        Assert.Equal(["Children", "Protection"], updated.ThematicPriorities);
        Assert.Equal("Protects every child from exploitation.", (await unicef.GetAgencyAsync("UNICEF")).Mandate);

        var other = await ProblemAssert.IsProblem(
            unicef.Http.PutAsJsonAsync("/api/agencies/ILO/profile", new { mandate = "Hijacked", thematicPriorities = Array.Empty<string>() }),
            HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("UNICEF", other.GetProperty("detail").GetString());
        Assert.NotEqual("Hijacked", (await unicef.GetAgencyAsync("ILO")).Mandate);
    }

    [Fact]
    public async Task The_secretariat_edits_any_profile()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var updated = await secretariat.UpdateAgencyProfileAsync("IMO", "Safety at sea, including against forced labour on fishing vessels.", ["Forced labour"]);
        Assert.StartsWith("Safety at sea", updated.Mandate);

        var events = await secretariat.ReadEventsAsync(0, 1000);
        Assert.Contains(events, e => e.Type == "agency.profile-updated" && e.Subject.Id == "IMO");
    }

    [Fact]
    public async Task The_secretariat_registers_a_focal_point_who_can_then_sign_in()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var response = await secretariat.Http.PostAsJsonAsync("/api/agencies/OHCHR/focal-points",
            new { email = "second@ohchr.demo", displayName = "Second Focal Point", password = "A-strong-password-1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var person = new WorkspaceClient(host.Anonymous());
        await person.SignInAsync("second@ohchr.demo", "A-strong-password-1");
        var me = await person.GetMeAsync();
        Assert.Equal(("OHCHR", "Second Focal Point"), (me.AgencyCode, me.DisplayName));
        Assert.Equal(["FocalPoint"], me.Roles);
        Assert.Contains((await secretariat.GetAgencyAsync("OHCHR")).FocalPoints, f => f.Email == "second@ohchr.demo");

        await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync("/api/agencies/ILO/focal-points",
            new { email = "second@ohchr.demo", displayName = "Again", password = "A-strong-password-1" }), HttpStatusCode.Conflict, "duplicate-person");
    }

    [Fact]
    public async Task A_weak_password_or_bad_address_for_a_new_focal_point_is_400()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var weak = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/agencies/OHCHR/focal-points",
            new { email = "weak@ohchr.demo", displayName = "Weak", password = "short" }), HttpStatusCode.BadRequest);
        Assert.Contains("password", ProblemAssert.ErrorFields(weak));

        var badAddress = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/agencies/OHCHR/focal-points",
            new { email = "not-an-address", displayName = "X", password = "A-strong-password-1" }), HttpStatusCode.BadRequest);
        Assert.Contains("email", ProblemAssert.ErrorFields(badAddress));

        var secretariatRole = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/agencies/ILO/focal-points",
            new { email = "boss@ilo.demo", displayName = "X", password = "A-strong-password-1", role = "Secretariat" }), HttpStatusCode.BadRequest);
        Assert.Contains("role", ProblemAssert.ErrorFields(secretariatRole));
    }
}
