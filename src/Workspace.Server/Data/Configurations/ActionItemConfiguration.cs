using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Data.Configurations;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Title).HasMaxLength(500);
        m.Property(x => x.OwnerAgencyCode).HasMaxLength(16);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        m.Property(x => x.CreatedBy).HasMaxLength(256);
        m.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.HasMany(x => x.Comments).WithOne().HasForeignKey(c => c.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        m.Navigation(x => x.Comments).HasField("comments").UsePropertyAccessMode(PropertyAccessMode.Field);
        // What the reminder sweep reads: open items by the moment they fall due.
        m.HasIndex(x => new { x.Status, x.DueAt });
        m.HasIndex(x => x.MeetingId);
        m.Ignore(x => x.Events);
    }
}

internal sealed class ActionItemCommentConfiguration : IEntityTypeConfiguration<ActionItemComment>
{
    public void Configure(EntityTypeBuilder<ActionItemComment> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Text).HasMaxLength(4000);
        m.Property(x => x.Author).HasMaxLength(256);
        m.Property(x => x.AgencyCode).HasMaxLength(16);
    }
}
