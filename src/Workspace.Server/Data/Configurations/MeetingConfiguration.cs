using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Title).HasMaxLength(300);
        m.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        m.Property(x => x.TimeZone).HasMaxLength(64);
        m.Property(x => x.Venue).HasMaxLength(300);
        m.Property(x => x.OnlineUrl).HasMaxLength(2000);
        m.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        m.HasOne<Paper>().WithMany().HasForeignKey(x => x.MinutesPaperId).OnDelete(DeleteBehavior.Restrict);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.HasMany(x => x.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        m.Navigation(x => x.Agenda).HasField("agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
        m.HasMany(x => x.Rsvps).WithOne().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        m.Navigation(x => x.Rsvps).HasField("rsvps").UsePropertyAccessMode(PropertyAccessMode.Field);
        m.HasIndex(x => x.StartsAt);
        m.Ignore(x => x.EndsAt);
        m.Ignore(x => x.Events);
    }
}
