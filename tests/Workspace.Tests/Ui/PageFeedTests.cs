using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Auth;
using Workspace.Server.Components.Circuits;
using Workspace.Server.Live;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Papers;

namespace Workspace.Tests.Ui;

/// <summary>A page's circuit is one more live subscriber: it hears what its person may see, and nothing else.</summary>
public sealed class PageFeedTestsOnSqlite(WorkspaceHost host) : PageFeedTests<WorkspaceHost>(host);

public sealed class PageFeedTestsOnPostgres(PostgresHost host) : PageFeedTests<PostgresHost>(host);

public abstract class PageFeedTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task A_circuit_hears_the_events_of_papers_its_agency_takes_part_in_and_never_of_others()
    {
        await using var circuit = host.App.Services.CreateAsyncScope();
        var person = await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).GetMeAsync();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Email, person.Email), new Claim(WorkspaceClaims.Agency, "UNICEF")],
            "test"));
        circuit.ServiceProvider.GetRequiredService<ConnectionUser>().From(user);
        var feed = circuit.ServiceProvider.GetRequiredService<PageFeed>();
        var heard = new List<string>();
        var unicefPaper = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(batch =>
        {
            lock (heard)
            {
                heard.AddRange(batch.Events.Select(e => e.Subject.Id));
            }

            if (batch.Events.FirstOrDefault(e => e.Type == "paper.created") is { } created)
            {
                unicefPaper.TrySetResult(Guid.Parse(created.Subject.Id));
            }

            return Task.CompletedTask;
        });
        Assert.Contains(host.App.Services.GetRequiredService<LiveConnections>().All, s => s.Id == feed.Id);

        var (hidden, _) = await PaperScenario.DraftAsync(host, "Draft UNICEF may not see", "ILO", "IOM");
        var (seen, _) = await PaperScenario.DraftAsync(host, "Draft UNICEF takes part in", "ILO", "UNICEF");

        Assert.Equal(seen.Id, await unicefPaper.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        lock (heard)
        {
            Assert.DoesNotContain(hidden.Id.ToString(), heard);
        }

        subscription.Dispose();
        feed.Dispose();
        Assert.DoesNotContain(host.App.Services.GetRequiredService<LiveConnections>().All, s => s.Id == feed.Id);
    }
}
