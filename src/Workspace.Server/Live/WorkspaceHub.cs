using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Auth;
using Workspace.Server.Features.Events;

namespace Workspace.Server.Live;

/// <summary>
/// The live channel. Clients call <see cref="Resume"/> with the last <c>seq</c> they saw to catch up on
/// what they may see; the relay pushes new events as the client method <c>event</c>.
/// </summary>
[Authorize]
public sealed class WorkspaceHub(IMediator mediator, CurrentUser me) : Hub
{
    public const string Path = "/hubs/workspace";

    public Task<IReadOnlyList<EventEnvelope>> Resume(long afterSeq)
    {
        // Hub calls run in their own scope: the pipeline must see the connection's user.
        me.Use(Context.User!);
        return mediator.Send(new ReadEvents.Query(afterSeq, ReadEvents.MaxLimit), Context.ConnectionAborted);
    }
}
