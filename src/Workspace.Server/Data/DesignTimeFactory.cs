using Microsoft.EntityFrameworkCore.Design;
using Workspace.Server.Auth;

namespace Workspace.Server.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkspaceDb>
{
    public WorkspaceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkspaceDb>().UseSqlite("Data Source=design-time.db").Options, new SystemUser(), TimeProvider.System,
            new ChainKeys(Path.Combine(Path.GetTempPath(), "workspace-design-time.chain-keys")));

    private sealed class SystemUser : ICurrentUser
    {
        public bool IsAuthenticated => false;
        public Guid Id => Guid.Empty;
        public string Email => "";
        public string AgencyCode => "";
        public string DisplayName => "";
        public bool IsSecretariat => false;
        public string Actor => "system";
    }
}
