using System.Net;
using System.Net.Http.Json;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Papers;

/// <summary>A group of 200 member organizations signs one paper together, as a Heads' statement of every member would.</summary>
public sealed class LargeGroupTestsOnSqlite(WorkspaceHost host) : LargeGroupTests<WorkspaceHost>(host);

public sealed class LargeGroupTestsOnPostgres(PostgresHost host) : LargeGroupTests<PostgresHost>(host);

public abstract class LargeGroupTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task Every_one_of_200_members_takes_part_in_one_paper_and_a_list_beyond_500_is_400()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var demo = await secretariat.ListAgenciesAsync();
        for (var i = demo.Count; i < 200; i++)
        {
            await secretariat.RegisterAgencyAsync($"MEMBER{i:D3}", $"Member organization {i}");
        }

        var members = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).ToList();
        Assert.Equal(200, members.Count);

        var paper = await secretariat.CreatePaperAsync("Joint statement of the Heads of every member", "JointStatement", "UNODC", members);
        Assert.Equal(200, paper.ParticipatingAgencyCodes.Count);
        var revision = await secretariat.AddRevisionAsync(paper.Id, 0, "# Joint statement\n\nEvery member speaks.\n");
        var round = await secretariat.OpenRoundAsync(paper.Id, revision.Number, "Silence", host.Clock.GetUtcNow().AddDays(14));
        Assert.Equal(200, round.Agencies.Count);

        var tooMany = members.Concat(Enumerable.Range(0, 301).Select(i => $"EXTRA{i:D3}")).ToList();
        var problem = await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync("/api/papers",
            new { title = "Beyond any group", kind = "JointStatement", leadAgencyCode = "UNODC", participatingAgencyCodes = tooMany }), HttpStatusCode.BadRequest);
        Assert.Contains("participatingAgencyCodes", ProblemAssert.ErrorFields(problem));
    }
}
