namespace Workspace.Tests.Infrastructure;

/// <summary>The real server as <see cref="WorkspaceHost"/> starts it, on a PostgreSQL database of its own in the run's cluster.</summary>
public class PostgresHost : WorkspaceHost
{
    public override Workspace.Server.DatabaseProvider Provider => Workspace.Server.DatabaseProvider.PostgreSql;
}
