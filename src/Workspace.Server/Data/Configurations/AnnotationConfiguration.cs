using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> a)
    {
        a.HasKey(x => x.Id);
        a.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        a.Property(x => x.BlockId).HasMaxLength(24);
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.AgencyCode).HasMaxLength(16);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasIndex(x => new { x.PaperId, x.Revision });
        a.HasIndex(x => new { x.PaperId, x.AgencyCode, x.Status });
        a.Ignore(x => x.Events);
        a.Ignore(x => x.End);
        a.Ignore(x => x.IsSuggestion);
    }
}
