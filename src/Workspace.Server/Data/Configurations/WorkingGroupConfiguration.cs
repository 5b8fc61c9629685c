using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> g)
    {
        g.HasKey(x => x.Id);
        g.Property(x => x.Name).HasMaxLength(200);
        g.Property(x => x.LeadAgencyCode).HasMaxLength(16);
        g.HasOne<Agency>().WithMany().HasForeignKey(x => x.LeadAgencyCode).OnDelete(DeleteBehavior.Restrict);
        g.Property(x => x.Version).IsConcurrencyToken();
        g.Ignore(x => x.Events);
    }
}
