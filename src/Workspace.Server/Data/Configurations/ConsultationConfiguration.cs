using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Consultations;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        c.Property(x => x.Title).HasMaxLength(300);
        c.Property(x => x.ContentHash).HasMaxLength(80);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.OpenedBy).HasMaxLength(256);
        c.Property(x => x.Version).IsConcurrencyToken();
        // What the deadline sweep reads: open consultations by deadline.
        c.HasIndex(x => new { x.Status, x.Deadline });
        c.HasIndex(x => x.PaperId);
        c.Ignore(x => x.Events);
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.Organization).HasMaxLength(200);
        c.Property(x => x.Email).HasMaxLength(256);
        c.Property(x => x.Text).HasMaxLength(Consultation.MaxTextLength);
        c.Property(x => x.Section).HasMaxLength(200);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.ModeratedBy).HasMaxLength(256);
        c.Property(x => x.ModerationReason).HasMaxLength(2_000);
        // The public page's approved comments, and the limits per consultation and per address.
        c.HasIndex(x => new { x.ConsultationId, x.Status, x.CreatedAt });
        c.HasIndex(x => new { x.Email, x.CreatedAt });
    }
}
