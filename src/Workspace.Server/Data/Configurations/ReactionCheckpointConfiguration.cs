using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class ReactionCheckpointConfiguration : IEntityTypeConfiguration<ReactionCheckpoint>
{
    public void Configure(EntityTypeBuilder<ReactionCheckpoint> c)
    {
        c.HasKey(x => x.Name);
        c.Property(x => x.Name).HasMaxLength(64);
        c.ToTable("ReactionCheckpoints");
    }
}
