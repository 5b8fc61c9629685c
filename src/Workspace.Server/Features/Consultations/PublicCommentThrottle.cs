namespace Workspace.Server.Features.Consultations;

/// <summary>
/// Comments from the public are limited per client address: <see cref="PerTenMinutes"/> in ten minutes, by the
/// injected clock, for the API and the public page alike (both send the same request).
/// </summary>
public sealed class PublicCommentThrottle(TimeProvider clock)
{
    public const int PerTenMinutes = 5;

    private readonly Pipeline.WindowCounter counter = new(clock, TimeSpan.FromMinutes(10));

    /// <summary>Takes a place for one comment from <paramref name="client"/>, or says when one frees up.</summary>
    public bool TryTake(string client, out TimeSpan retryAfter) => counter.TryTake(client, PerTenMinutes, out retryAfter);
}
