using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class StorageProbeConfiguration : IEntityTypeConfiguration<StorageProbe>
{
    public void Configure(EntityTypeBuilder<StorageProbe> p) => p.ToTable("StorageProbe");
}
