using System.Threading.Channels;
using Workspace.Client;

namespace Workspace.Tests.Live;

internal static class LiveStream
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Reads events until one matches, and returns all read; fails if none comes within the patience.</summary>
    public static async Task<List<WorkspaceEvent>> ReadUntilAsync(this ChannelReader<WorkspaceEvent> events, Func<WorkspaceEvent, bool> last, TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var read = new List<WorkspaceEvent>();
        try
        {
            while (true)
            {
                var e = await events.ReadAsync(timeout.Token);
                read.Add(e);
                if (last(e))
                {
                    return read;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The awaited event did not come within {(patience ?? Patience).TotalSeconds} s; got {string.Join(", ", read.Select(e => $"{e.Seq}:{e.Type}"))}");
        }
    }

    /// <summary>Everything the stream holds right now, without waiting.</summary>
    public static List<WorkspaceEvent> Drain(this ChannelReader<WorkspaceEvent> events)
    {
        var read = new List<WorkspaceEvent>();
        while (events.TryRead(out var e))
        {
            read.Add(e);
        }

        return read;
    }
}
