using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> e)
    {
        e.HasKey(x => x.Seq);
        e.Property(x => x.Seq).ValueGeneratedNever();
        e.Property(x => x.Type).HasMaxLength(64);
        e.Property(x => x.SubjectKind).HasMaxLength(32);
        e.Property(x => x.SubjectId).HasMaxLength(64);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        e.Property(x => x.KeyId).HasMaxLength(16).HasDefaultValue("");
        e.ToTable("EventLog");
    }
}
