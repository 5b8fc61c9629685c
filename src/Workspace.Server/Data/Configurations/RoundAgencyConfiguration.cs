using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class RoundAgencyConfiguration : IEntityTypeConfiguration<RoundAgency>
{
    public void Configure(EntityTypeBuilder<RoundAgency> a)
    {
        a.HasKey(x => new { x.RoundId, x.AgencyCode });
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.OnBehalfOf).HasMaxLength(256);
        a.Property(x => x.ClearanceSteps).HasConversion(ClearanceStepsJson.Converter, ClearanceStepsJson.Comparer);
        a.Ignore(x => x.NeedsClearance);
        a.Ignore(x => x.IsCleared);
        a.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
