using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Data.Configurations;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Title).HasMaxLength(300);
        m.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        m.Property(x => x.TimeZone).HasMaxLength(64);
        m.Property(x => x.Organizer).HasMaxLength(256);
        m.Property(x => x.OrganizerAgencyCode).HasMaxLength(16);
        m.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        m.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.HasMany(x => x.Slots).WithOne().HasForeignKey(s => s.PollId).OnDelete(DeleteBehavior.Cascade);
        m.Navigation(x => x.Slots).HasField("slots").UsePropertyAccessMode(PropertyAccessMode.Field);
        m.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.PollId).OnDelete(DeleteBehavior.Cascade);
        m.Navigation(x => x.Answers).HasField("answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        // What the reminder sweep reads: open polls by deadline.
        m.HasIndex(x => new { x.Status, x.Deadline });
        m.Ignore(x => x.SilentAgencyCodes);
        m.Ignore(x => x.Events);
    }
}

internal sealed class PollSlotConfiguration : IEntityTypeConfiguration<PollSlot>
{
    public void Configure(EntityTypeBuilder<PollSlot> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class PollAnswerConfiguration : IEntityTypeConfiguration<PollAnswer>
{
    public void Configure(EntityTypeBuilder<PollAnswer> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Email).HasMaxLength(256);
        m.Property(x => x.AgencyCode).HasMaxLength(16);
        m.Property(x => x.Answer).HasConversion<string>().HasMaxLength(16);
        m.HasOne<PollSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => new { x.PollId, x.SlotId, x.Email }).IsUnique();
    }
}
