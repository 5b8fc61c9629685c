using System.Net;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Negotiation;

public sealed class BlockTestsOnSqlite(WorkspaceHost host) : BlockTests<WorkspaceHost>(host);

public sealed class BlockTestsOnPostgres(PostgresHost host) : BlockTests<PostgresHost>(host);

/// <summary>Each revision is read as numbered blocks whose ids stay while the blocks live.</summary>
public abstract class BlockTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task Each_revision_reads_as_numbered_blocks_whose_ids_carry_over_to_the_next()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Brief read by paragraph", "IssueBrief", "ILO", ["IOM"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Brief\n\nFirst paragraph on fees.\n\nSecond paragraph on debt bondage.\n\n- An item.\n");
        var first = await ilo.GetBlocksAsync(paper.Id, 1);
        Assert.Equal(["Heading", "Paragraph", "Paragraph", "ListItem"], first.Select(b => b.Kind));
        Assert.Equal(["Brief", "First paragraph on fees.", "Second paragraph on debt bondage.", "An item."], first.Select(b => b.Text));
        Assert.Equal([1, 2, 3, 4], first.Select(b => b.Number));

        await ilo.AddRevisionAsync(paper.Id, 1, "# Brief\n\nA new opening paragraph.\n\nFirst paragraph on recruitment fees.\n\nSecond paragraph on debt bondage.\n\n- An item.\n");
        var second = await ilo.GetBlocksAsync(paper.Id, 2);
        Assert.Equal(5, second.Count);
        Assert.Equal(first[0].Id, second[0].Id);
        Assert.DoesNotContain(second[1].Id, first.Select(b => b.Id));
        Assert.Equal((first[1].Id, 3), (second[2].Id, second[2].Number));
        Assert.Equal((first[2].Id, 4), (second[3].Id, second[3].Number));

        // A participant reads them; anyone else is told there is no such paper.
        Assert.Equal(second, await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).GetBlocksAsync(paper.Id, 2));
        var who = await host.HttpFor(WorkspaceHost.FocalPoint("WHO"));
        await ProblemAssert.IsProblem(who.GetAsync($"/api/papers/{paper.Id}/revisions/2/blocks"), HttpStatusCode.NotFound);
        var lead = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(lead.GetAsync($"/api/papers/{paper.Id}/revisions/9/blocks"), HttpStatusCode.NotFound);
    }
}
