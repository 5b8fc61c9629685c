using Workspace.Server.Data;

namespace Workspace.Tests.Api;

public sealed class WriteLockTests
{
    [Fact]
    public async Task Writers_take_turns_one_at_a_time_and_a_turn_passes_on_once_however_often_it_is_ended()
    {
        using var writeLock = new WriteLock();
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var turn = await writeLock.EnterAsync(CancellationToken.None);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
                turn.Dispose();
                turn.Dispose();
            }
        })));

        Assert.Equal(1, most);
        using var last = await writeLock.EnterAsync(CancellationToken.None);
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writeLock.EnterAsync(cancelled.Token));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
