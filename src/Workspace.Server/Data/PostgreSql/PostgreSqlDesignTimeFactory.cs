using Microsoft.EntityFrameworkCore.Design;

namespace Workspace.Server.Data.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlWorkspaceDb</c> build the model without a database.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWorkspaceDb>
{
    public PostgreSqlWorkspaceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlWorkspaceDb>().UseNpgsql("Host=localhost;Database=workspace").Options, TimeProvider.System,
            new ChainKeys(Path.Combine(Path.GetTempPath(), "workspace-design-time.chain-keys")), new PostgreSqlWrites());
}
