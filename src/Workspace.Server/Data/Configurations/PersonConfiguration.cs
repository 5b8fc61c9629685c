using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Auth;

namespace Workspace.Server.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> p)
    {
        p.Property(x => x.DisplayName).HasMaxLength(200);
        p.Property(x => x.AgencyCode).HasMaxLength(16);
        p.Property(x => x.TimeZone).HasMaxLength(64);
        p.Property(x => x.Language).HasMaxLength(8);
        p.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyCode).OnDelete(DeleteBehavior.Restrict);
        p.HasIndex(x => x.AgencyCode);
    }
}
