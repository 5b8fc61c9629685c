using Microsoft.EntityFrameworkCore.Design;

namespace Workspace.Server.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkspaceDb>
{
    public WorkspaceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkspaceDb>().UseSqlite("Data Source=design-time.db").Options, TimeProvider.System,
            new ChainKeys(Path.Combine(Path.GetTempPath(), "workspace-design-time.chain-keys")), new GroupCommit("Data Source=design-time.db", ""));
}
