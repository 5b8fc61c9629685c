using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Architecture;

/// <summary>
/// Every event the workspace writes is one of its declared records, and the record carries everything the row
/// holds: what a reaction reads through the type is what clients read on the wire.
/// </summary>
public sealed class EventRecordTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Every_event_in_the_log_reads_back_as_its_record_with_nothing_lost()
    {
        // The demo data (agencies, focal points, a co-chair term, a working group, papers, meetings), then what it lacks.
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        var soon = host.Clock.GetUtcNow().AddDays(1);
        (await secretariat.PutAsJsonAsync("/api/sign-off-rules/JointStatement",
            new { signers = "AllMembers", procedure = "Silence", minimumNotice = "1.00:00:00", clearanceRequired = false })).EnsureSuccessStatusCode();
        (await iom.PutAsJsonAsync("/api/agencies/IOM/clearance-chain",
            new { steps = new[] { new { name = "Legal", emails = new[] { WorkspaceHost.FocalPoint("IOM") } } } })).EnsureSuccessStatusCode();
        await (await host.ClientFor(WorkspaceHost.Secretariat)).RegisterFocalPointAsync("IOM", "deputy@iom.demo", "Dana Deputy", WorkspaceHost.Password);
        (await iom.PutAsJsonAsync("/api/me/alternate", new { email = "deputy@iom.demo", from = soon, to = soon.AddDays(2) })).EnsureSuccessStatusCode();
        (await iom.DeleteAsync("/api/me/alternate")).EnsureSuccessStatusCode();
        var meeting = (await secretariat.GetFromJsonAsync<JsonElement>("/api/meetings"))[0].GetProperty("id").GetGuid();
        var item = await (await secretariat.PostAsJsonAsync($"/api/meetings/{meeting}/action-items",
            new { title = "Send the figures", ownerAgencyCode = "IOM", dueDate = DateOnly.FromDateTime(soon.UtcDateTime.AddDays(10)) })).Content.ReadFromJsonAsync<JsonElement>();
        (await secretariat.PostAsJsonAsync($"/api/action-items/{item.GetProperty("id").GetGuid()}/status", new { status = "Done" })).EnsureSuccessStatusCode();
        var (paper, revision) = await InSignOffAsync(host, "Typed to the end", "Unanimous", TimeSpan.FromDays(7));
        await ApproveAsync(host, paper.Id, revision, "ILO");

        await using var scope = host.App.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Events.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        string[] expected =
        [
            "agency.registered", "agency.focal-point-registered", "cochair-term.created", "working-group.created", "sign-off-rule.changed",
            "agency.clearance-chain-changed", "person.alternate-named", "person.alternate-ended", "action-item.created", "action-item.updated",
            "paper.created", "paper.revision-added", "paper.round-opened", "paper.sign-off-recorded", "meeting.scheduled",
        ];
        Assert.Empty(expected.Except(rows.Select(r => r.Type)));
        foreach (var row in rows)
        {
            var data = EventKinds.Read(row);
            Assert.True(data is not null, $"{row.Type} (event {row.Seq}) has no record");
            var again = JsonSerializer.SerializeToNode(data, data.GetType(), Web);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(row.Data), again), $"{row.Type} (event {row.Seq}) reads back as {again} from {row.Data}");
        }
    }
}
