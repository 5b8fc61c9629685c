using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Auth;
using Workspace.Server.Data;

namespace Workspace.Server.Live;

/// <summary>
/// The live channel. On connect a user receives, as the client method <c>event</c>, every new event they may
/// see. <see cref="Resume"/> returns what they may see after the last <c>seq</c> they have: a client calls it
/// after every (re)connect and misses nothing. A connection that fell too far behind receives <c>resume</c>
/// with the last <c>seq</c> it was sent, and should call <see cref="Resume"/>.
/// </summary>
[Authorize]
public sealed class WorkspaceHub(
    IMediator mediator, ICurrentUser me, LiveConnections connections, IHubContext<WorkspaceHub> hub, IOptions<LiveOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<Subscriber> logger) : Hub
{
    public const string Path = "/hubs/workspace";

    /// <summary>At most this many events per call; a client calls again from the last one while it gets a full page.</summary>
    public const int ResumePage = ReadEvents.MaxLimit;

    public override Task OnConnectedAsync()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Context.GetHttpContext()?.Abort();
            return Task.CompletedTask;
        }

        var subscriber = new Subscriber(Context, me.AgencyCode, me.IsSecretariat, hub, options.Value, logger)
        {
            SessionId = Guid.TryParse(Context.User!.FindFirst(SessionClaims.SessionId)?.Value, out var session) ? session : null,
            PersonId = me.Id,
        };
        connections.Add(subscriber);
        // A connection lives no longer than the token that opened it.
        if (Context.GetHttpContext()?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc is { } expires)
        {
            subscriber.DropAt(expires, clock);
        }

        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EventEnvelope>> Resume(long afterSeq)
    {
        return mediator.Send(new ReadEvents.Query(afterSeq, ResumePage), Context.ConnectionAborted);
    }
}
