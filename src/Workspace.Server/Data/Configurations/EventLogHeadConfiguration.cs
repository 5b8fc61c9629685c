using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class EventLogHeadConfiguration : IEntityTypeConfiguration<EventLogHead>
{
    public void Configure(EntityTypeBuilder<EventLogHead> h)
    {
        h.HasKey(x => x.Id);
        h.Property(x => x.Id).ValueGeneratedNever();
        h.ToTable("EventLogHead");
    }
}
