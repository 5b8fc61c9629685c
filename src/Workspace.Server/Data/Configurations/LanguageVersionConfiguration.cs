using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class LanguageVersionConfiguration : IEntityTypeConfiguration<LanguageVersion>
{
    public void Configure(EntityTypeBuilder<LanguageVersion> v)
    {
        v.ToTable("LanguageVersions");
        v.HasKey(x => new { x.PaperId, x.Language });
        v.Property(x => x.Language).HasMaxLength(8);
        v.Property(x => x.ContentHash).HasMaxLength(80);
        v.Property(x => x.BasedOnHash).HasMaxLength(80);
        v.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        v.Property(x => x.Author).HasMaxLength(256);
        v.Property(x => x.AuthorAgencyCode).HasMaxLength(16);
        v.Property(x => x.Reviewer).HasMaxLength(256);
        v.Property(x => x.Reason).HasMaxLength(10_000);
    }
}

internal sealed class VersionRevisionConfiguration : IEntityTypeConfiguration<VersionRevision>
{
    public void Configure(EntityTypeBuilder<VersionRevision> r)
    {
        r.ToTable("VersionRevisions");
        r.HasKey(x => new { x.PaperId, x.Language, x.Number });
        r.Property(x => x.Language).HasMaxLength(8);
        r.HasOne<LanguageVersion>().WithMany().HasForeignKey(x => new { x.PaperId, x.Language }).OnDelete(DeleteBehavior.Cascade);
        r.Property(x => x.ContentHash).HasMaxLength(80);
        r.Property(x => x.BasedOnHash).HasMaxLength(80);
        r.Property(x => x.Author).HasMaxLength(256);
        r.Property(x => x.AuthorAgencyCode).HasMaxLength(16);
    }
}

internal sealed class LanguageReviewersConfiguration : IEntityTypeConfiguration<LanguageReviewers>
{
    public void Configure(EntityTypeBuilder<LanguageReviewers> r)
    {
        r.HasKey(x => x.Language);
        r.Property(x => x.Language).HasMaxLength(8);
        r.Property(x => x.ChangedBy).HasMaxLength(256);
    }
}
