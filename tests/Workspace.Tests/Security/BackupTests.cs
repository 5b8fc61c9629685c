using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Security;

/// <summary>Back up the live database while it is written, restore it with the server's own command, and find it whole.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_load_restores_verifies_and_serves_the_same_data()
    {
        await using var server = new ServerProcess(Path.Combine(Path.GetTempPath(), "workspace-backup", Guid.NewGuid().ToString("N")));
        Assert.Null(await server.StartAsync());
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new WorkspaceClient(http);
        await client.SignInAsync(WorkspaceHost.Secretariat, WorkspaceHost.Password);
        await client.CreateWorkingGroupAsync("Before the backup", "ILO", ["IOM"]);

        // Writers keep going while the copy is taken: the copy is one consistent moment of the log.
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await client.CreateWorkingGroupAsync($"During the backup {i}", "ILO", []);
            }
        });
        var response = await http.PostAsync("/api/operations/backup", null);
        await stop.CancelAsync();
        await writes;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var backup = await response.Content.ReadFromJsonAsync<JsonElement>();
        var file = backup.GetProperty("file").GetString()!;
        var seq = backup.GetProperty("seq").GetInt64();
        Assert.Equal("ok", backup.GetProperty("integrityCheck").GetString());
        Assert.True(File.Exists(file));
        var atBackup = (await client.ReadEventsAsync(0, 1000)).Where(e => e.Seq <= seq).ToList();
        var groupsAtBackup = atBackup.Where(e => e.Type == "working-group.created").Select(e => e.Subject.Id).ToHashSet();

        await client.CreateWorkingGroupAsync("After the backup", "ILO", []);
        await server.KillAsync();

        var (exit, output) = await server.RunCommandAsync("restore", file);
        Assert.True(exit == 0, output);
        Assert.Contains($"the log ends at seq {seq}", output, StringComparison.Ordinal);

        Assert.Null(await server.StartAsync());
        await client.SignInAsync(WorkspaceHost.Secretariat, WorkspaceHost.Password);
        var events = await client.ReadEventsAsync(0, 1000);
        Assert.Equal(atBackup.Select(e => (e.Seq, e.Type, e.Subject.Id)), events.Where(e => e.Seq <= seq).Select(e => (e.Seq, e.Type, e.Subject.Id)));
        var groups = (await client.ListWorkingGroupsAsync()).Select(g => g.Id.ToString()).ToHashSet();
        Assert.Superset(groupsAtBackup, groups);
        Assert.DoesNotContain((await client.ListWorkingGroupsAsync()), g => g.Name == "After the backup");
        var audit = await client.VerifyAuditAsync();
        Assert.True(audit.Ok, string.Join("\n", audit.Problems));

        // Restoring is said in the anchor; without that, a log rolled back would be reported as cut short.
        Assert.Contains($"restore {seq} ", await File.ReadAllTextAsync(Path.Combine(server.Directory, "workspace.anchor")), StringComparison.Ordinal);
    }
}
