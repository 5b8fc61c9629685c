using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> r)
    {
        r.HasKey(x => x.Id);
        // The domain makes the id; a round reached through its paper's collection is new, not existing.
        r.Property(x => x.Id).ValueGeneratedNever();
        r.HasIndex(x => new { x.PaperId, x.Number }).IsUnique();
        r.HasIndex(x => new { x.Status, x.Deadline });
        r.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Closing).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.ClosedByAgencyCode).HasMaxLength(16);
        r.Property(x => x.ContentHash).HasMaxLength(80);
        r.HasMany(x => x.Agencies).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        r.Navigation(x => x.Agencies).HasField("agencies").UsePropertyAccessMode(PropertyAccessMode.Field);
        r.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        r.Navigation(x => x.Decisions).HasField("decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        r.Property(x => x.Signers).HasConversion<string>().HasMaxLength(16);
        r.HasMany(x => x.Clearances).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        r.Navigation(x => x.Clearances).HasField("clearances").UsePropertyAccessMode(PropertyAccessMode.Field);
        r.Ignore(x => x.PendingAgencyCodes);
        r.Ignore(x => x.IsOpen);
    }
}
