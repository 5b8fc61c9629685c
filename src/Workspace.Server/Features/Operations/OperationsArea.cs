namespace Workspace.Server.Features.Operations;

/// <summary>What the secretariat does to keep the server: a consistent copy of the database.</summary>
internal sealed class OperationsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api) => BackUpDatabase.Map(api);
}
