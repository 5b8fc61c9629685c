using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class RevisionBlockConfiguration : IEntityTypeConfiguration<RevisionBlock>
{
    public void Configure(EntityTypeBuilder<RevisionBlock> b)
    {
        b.HasKey(x => new { x.PaperId, x.Revision, x.Index });
        b.Property(x => x.BlockId).HasMaxLength(24);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.PaperId, x.BlockId });
    }
}
