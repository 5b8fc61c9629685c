using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> r)
    {
        r.HasKey(x => new { x.UserId, x.Key });
        r.Property(x => x.Key).HasMaxLength(255);
        r.HasIndex(x => x.CreatedAt);
    }
}
