using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

/// <summary>Rounds that ended before the workspace recorded how they ended read the same after the upgrade as rounds ending now.</summary>
public sealed class RoundClosingUpgradeTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task Rounds_closed_before_the_upgrade_say_how_they_ended_as_those_closed_after_it_do()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var (broken, brokenText) = await InSignOffAsync(host, "Broken before the upgrade", "Silence", TimeSpan.FromDays(7));
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(broken.Id, 1, brokenText.ContentHash, "Object", "Not yet.");
        var (cancelled, _) = await InSignOffAsync(host, "Cancelled before the upgrade", "Unanimous", TimeSpan.FromDays(7));
        await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).AddRevisionAsync(cancelled.Id, 1, "A late change.");
        var (completed, completedText) = await InSignOffAsync(host, "Completed before the upgrade", "Unanimous", TimeSpan.FromDays(7));
        await ApproveAsync(host, completed.Id, completedText, "ILO", "IOM", "UNHCR");
        var (adopted, _) = await InSignOffAsync(host, "Adopted before the upgrade", "Silence", TimeSpan.FromDays(1));
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.SweepDeadlinesAsync();
        Guid[] papers = [broken.Id, cancelled.Id, completed.Id, adopted.Id];
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var before = new List<Workspace.Client.ClosingReason?>();
        foreach (var id in papers)
        {
            before.Add((await ilo.GetPaperAsync(id)).Round!.ClosingReason);
        }

        // Back to the release before, and forward again: the columns come back empty and are filled from what the rounds left.
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<Workspace.Server.Data.WorkspaceDb>().GetService<IMigrator>();
            await migrator.MigrateAsync("NoticesFollowTheLog");
            Assert.Equal(0L, await host.QueryScalarAsync("""SELECT count(*) FROM pragma_table_info('Rounds') WHERE name = 'Closing'"""));
            await migrator.MigrateAsync();
        }

        await host.RestartAsync();
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var after = new List<Workspace.Client.ClosingReason?>();
        foreach (var id in papers)
        {
            after.Add((await ilo.GetPaperAsync(id)).Round!.ClosingReason);
        }

        Assert.Equal(
            [new("SilenceBroken", "IOM", null), new("Cancelled", "UNHCR", 2), new("Completed", null, null), new("Adopted", null, null)],
            before);
        Assert.Equal(before, after);
    }
}
