using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Membership;

public sealed class WorkingGroupTestsOnSqlite(WorkspaceHost host) : WorkingGroupTests<WorkspaceHost>(host);

public sealed class WorkingGroupTestsOnPostgres(PostgresHost host) : WorkingGroupTests<PostgresHost>(host);

public abstract class WorkingGroupTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_demo_working_group_has_its_six_agencies()
    {
        var client = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        var group = Assert.Single(await client.ListWorkingGroupsAsync(), g => g.Name == "ICAT Working Group");

        Assert.Equal(["ILO", "IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC"], group.MemberAgencyCodes);
        Assert.Equivalent(group, await client.GetWorkingGroupAsync(group.Id), strict: true);
    }

    [Fact]
    public async Task A_co_chair_creates_a_group_whose_lead_is_always_a_member()
    {
        var coChair = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var response = await coChair.Http.PostAsJsonAsync("/api/working-groups",
            new { name = "Data and research", leadAgencyCode = "UNU", memberAgencyCodes = new[] { "IOM", "UNODC" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<WorkingGroup>(WorkspaceClient.Json))!;
        Assert.Equal($"/api/working-groups/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["IOM", "UNODC", "UNU"], created.MemberAgencyCodes);
        Assert.Equal("UNU", created.LeadAgencyCode);

        var events = await coChair.ReadEventsAsync(0, 1000);
        var created_event = Assert.Single(events, e => e.Type == "working-group.created" && e.Subject.Id == created.Id.ToString());
        Assert.Equal(WorkspaceHost.FocalPoint("UNHCR"), created_event.Actor);
    }

    [Fact]
    public async Task The_secretariat_creates_groups_too()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var group = await secretariat.CreateWorkingGroupAsync("Legal review", "OHCHR", ["COE", "OSCE"]);
        Assert.Contains(await secretariat.ListWorkingGroupsAsync(), g => g.Id == group.Id);
    }

    [Fact]
    public async Task A_focal_point_of_an_agency_that_is_not_co_chair_may_not_create_a_group()
    {
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync("/api/working-groups",
            new { name = "Rogue group", leadAgencyCode = "IOM", memberAgencyCodes = new[] { "ILO" } }), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await iom.ListWorkingGroupsAsync(), g => g.Name == "Rogue group");
    }

    [Fact]
    public async Task Unknown_agencies_are_400_naming_the_field()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var lead = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/working-groups",
            new { name = "X", leadAgencyCode = "NOPE", memberAgencyCodes = new[] { "ILO" } }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["leadAgencyCode"], ProblemAssert.ErrorFields(lead));

        var members = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/working-groups",
            new { name = "X", leadAgencyCode = "ILO", memberAgencyCodes = new[] { "ILO", "NOPE" } }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["memberAgencyCodes"], ProblemAssert.ErrorFields(members));
    }

    [Fact]
    public async Task An_unknown_group_is_404_and_a_malformed_id_is_not_a_route()
    {
        var http = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(http.GetAsync($"/api/working-groups/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(http.GetAsync("/api/working-groups/not-a-guid"), HttpStatusCode.NotFound, "not-found");
    }
}
