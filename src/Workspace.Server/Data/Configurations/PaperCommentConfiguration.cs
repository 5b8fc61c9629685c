using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class PaperCommentConfiguration : IEntityTypeConfiguration<PaperComment>
{
    public void Configure(EntityTypeBuilder<PaperComment> c)
    {
        c.HasKey(x => x.Id);
        c.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.PaperId, x.CreatedAt });
        c.Property(x => x.Text).HasMaxLength(10_000);
        c.ToTable("Comments");
    }
}
