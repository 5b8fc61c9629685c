namespace Workspace.Server.Data;

/// <summary>The name of the server's own meter: the write path's instruments here, the commands' in the pipeline, exported by the HTTP edge.</summary>
public static class WorkspaceMeter
{
    public const string Name = "Workspace.Server";
}
