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

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<Contribution> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.PaperId, x.AgencyCode, x.Revision });
        c.Property(x => x.AgencyCode).HasMaxLength(16);
        c.Property(x => x.ContentHash).HasMaxLength(80);
        c.Property(x => x.SentBy).HasMaxLength(256);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.Steps).HasConversion(ClearanceStepsJson.Converter, ClearanceStepsJson.Comparer);
        // The steps' words are appended, read and written whole with the contribution.
        c.Property(x => x.History).HasConversion(
            h => System.Text.Json.JsonSerializer.Serialize(h, Json),
            json => System.Text.Json.JsonSerializer.Deserialize<List<ContributionStepAction>>(json, Json) ?? new List<ContributionStepAction>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ContributionStepAction>>(
                (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
                h => h.Count,
                h => h.ToList()));
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Ignore(x => x.Events);
        c.Ignore(x => x.WaitingFor);
    }
}
