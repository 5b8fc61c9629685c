using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class CoChairTermConfiguration : IEntityTypeConfiguration<CoChairTerm>
{
    public void Configure(EntityTypeBuilder<CoChairTerm> t)
    {
        t.HasKey(x => x.Id);
        t.Property(x => x.FirstAgencyCode).HasMaxLength(16);
        t.Property(x => x.SecondAgencyCode).HasMaxLength(16);
        t.HasOne<Agency>().WithMany().HasForeignKey(x => x.FirstAgencyCode).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<Agency>().WithMany().HasForeignKey(x => x.SecondAgencyCode).OnDelete(DeleteBehavior.Restrict);
        t.HasIndex(x => new { x.From, x.To });
        t.Ignore(x => x.AgencyCodes);
        t.Ignore(x => x.Events);
    }
}
