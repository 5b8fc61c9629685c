namespace Workspace.Server.Live;

/// <summary>
/// The log as clients receive it: pushed by the hub, pulled from <c>/api/events</c>, both through
/// <see cref="ReadEvents"/> (the hub's Resume after a reconnect is the same request and rule). The hub itself is
/// mapped with its origin checks by <see cref="LiveServiceCollectionExtensions"/>.
/// </summary>
internal sealed class LiveArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api) => ReadEvents.Map(api);
}
