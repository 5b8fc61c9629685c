using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class SignOffDecisionConfiguration : IEntityTypeConfiguration<SignOffDecision>
{
    public void Configure(EntityTypeBuilder<SignOffDecision> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        d.Property(x => x.OnBehalfOf).HasMaxLength(256);
        d.HasIndex(x => new { x.RoundId, x.AgencyCode });
    }
}
