using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> a)
    {
        a.HasKey(x => x.Code);
        a.Property(x => x.Code).HasMaxLength(16);
        a.Property(x => x.Name).HasMaxLength(200);
        a.Property(x => x.Mandate).HasMaxLength(4000);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.Events);
    }
}
