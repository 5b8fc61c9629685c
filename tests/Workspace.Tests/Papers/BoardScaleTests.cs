using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Domain;
using Workspace.Server.Domain.Papers;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Papers;

/// <summary>The secretariat's board over 500 papers × 30 agencies is one database query, not one per paper.</summary>
public sealed class BoardScaleTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private const int Papers = 500;

    private async Task SeedAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        db.Agencies.AddRange(Agency.Register("UNODA", "Office for Disarmament Affairs", Actor.System), Agency.Register("UNEP", "United Nations Environment Programme", Actor.System));
        await db.SaveChangesAsync();
        var codes = await db.Agencies.Select(a => a.Code).Take(30).ToListAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var lead = new Actor("focal@ilo.demo", "ILO");
        for (var i = 0; i < Papers; i++)
        {
            var paper = Paper.Create($"Scale paper {i:D3}", PaperKind.IssueBrief, "ILO", codes, null, lead, now);
            var revision = paper.AddRevision(0, $"Text {i}", lead, now);
            paper.OpenRound(1, Procedure.Silence, now.AddDays(10 + (i % 20)), lead, now, [48, 24]);
            db.Papers.Add(paper);
            db.Revisions.Add(revision);
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_board_of_500_papers_by_30_agencies_is_read_in_one_query()
    {
        await SeedAsync();
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);

        var commands = 0;
        var database = host.DatabasePath;
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new EventObserver(e =>
                {
                    // The live relay reads the event log on its own schedule, and every request's token is checked against
                    // its session (one read by key); everything else here is the board's.
                    if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data
                        && data.Command.Connection?.DataSource == database && !data.Command.CommandText.Contains("\"EventLog\"", StringComparison.Ordinal)
                        && !data.Command.CommandText.Contains("FROM \"Sessions\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref commands);
                    }
                }));
            }
        }));

        var board = await secretariat.GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");

        Assert.Equal(1, commands);
        var scale = board!.Where(r => r.GetProperty("title").GetString()!.StartsWith("Scale paper", StringComparison.Ordinal)).ToList();
        Assert.Equal(Papers, scale.Count);
        Assert.All(scale, r => Assert.Equal(30, r.GetProperty("round").GetProperty("agencies").GetArrayLength()));
        var deadlines = scale.Select(r => r.GetProperty("round").GetProperty("deadline").GetDateTimeOffset()).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
    }

    private sealed class Observer(Action<DiagnosticListener> onNext) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value) => onNext(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver(Action<KeyValuePair<string, object?>> onNext) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => onNext(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
