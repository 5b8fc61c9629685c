using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> p)
    {
        p.HasKey(x => x.Id);
        p.Property(x => x.Title).HasMaxLength(300);
        p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        p.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        p.Property(x => x.LeadAgencyCode).HasMaxLength(16);
        p.HasOne<Agency>().WithMany().HasForeignKey(x => x.LeadAgencyCode).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasMany(x => x.LoadedRounds).WithOne().HasForeignKey(r => r.PaperId).OnDelete(DeleteBehavior.Cascade);
        p.Navigation(x => x.LoadedRounds).HasField("rounds").UsePropertyAccessMode(PropertyAccessMode.Field);
        p.Property(x => x.OriginalLanguage).HasMaxLength(8).HasDefaultValue("en");
        p.HasMany(x => x.LoadedVersions).WithOne().HasForeignKey(v => v.PaperId).OnDelete(DeleteBehavior.Cascade);
        p.Navigation(x => x.LoadedVersions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        p.HasIndex(x => x.State);
        p.HasIndex(x => x.PublishedAt);
        p.Ignore(x => x.CurrentRound);
        p.Ignore(x => x.Events);
        p.HasIndex(x => x.MeetingId);
        p.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
