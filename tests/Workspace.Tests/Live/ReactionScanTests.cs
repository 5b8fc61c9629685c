using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Live;

/// <summary>
/// The reactions read the log on from where this node knows every event is done, not from their stored checkpoint:
/// events that concern nobody (comments) do not move the checkpoint, and a scan from it would read every such event
/// again at each wake-up (a benchmark once showed sign-offs halved by it).
/// </summary>
public sealed class ReactionScanTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task After_events_that_concern_nobody_the_reactions_scan_only_what_is_new()
    {
        var (paper, revision) = await DraftAsync(host, "Commented at length");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        for (var i = 0; i < 20; i++)
        {
            await ilo.AddCommentAsync(paper.Id, revision.Number, $"First remark {i}.");
        }

        await host.ReactionsDoneAsync();
        var headBefore = (await ilo.ReadEventsAsync(0, 1000)).Max(e => e.Seq);

        var lowerBounds = new List<long>();
        // The reactions' scan: the log's rows that carry a notice, after a position.
        using var watch = ExecutedCommands.Watch(host.DatabasePath, command =>
        {
            if (command.CommandText.Contains("FROM \"EventLog\"", StringComparison.Ordinal)
                && command.CommandText.Contains("\"Notice\" IS NOT NULL", StringComparison.Ordinal))
            {
                var bounds = command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => p.Value).OfType<long>().ToList();
                lock (lowerBounds)
                {
                    lowerBounds.Add(bounds.Min());
                }
            }
        });

        for (var i = 0; i < 5; i++)
        {
            await ilo.AddCommentAsync(paper.Id, revision.Number, $"Later remark {i}.");
        }

        await host.ReactionsDoneAsync();
        lock (lowerBounds)
        {
            Assert.NotEmpty(lowerBounds);
            // Every scan starts at or after the head the reactions had already reached, not back at the last notice.
            Assert.All(lowerBounds, bound => Assert.True(bound >= headBefore, $"a scan started at {bound}, before {headBefore}"));
        }
    }
}
