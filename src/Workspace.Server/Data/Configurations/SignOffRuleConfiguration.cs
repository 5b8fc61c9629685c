using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data.Configurations;

internal sealed class SignOffRuleConfiguration : IEntityTypeConfiguration<SignOffRule>
{
    public void Configure(EntityTypeBuilder<SignOffRule> r)
    {
        r.HasKey(x => x.Kind);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        r.Property(x => x.Signers).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.ChangedBy).HasMaxLength(256);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.Ignore(x => x.Events);
    }
}

internal sealed class ClearanceChainConfiguration : IEntityTypeConfiguration<ClearanceChain>
{
    public void Configure(EntityTypeBuilder<ClearanceChain> c)
    {
        c.HasKey(x => x.AgencyCode);
        c.Property(x => x.AgencyCode).HasMaxLength(16);
        c.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyCode).OnDelete(DeleteBehavior.Cascade);
        c.Property(x => x.Steps).HasConversion(ClearanceStepsJson.Converter, ClearanceStepsJson.Comparer);
        c.Property(x => x.ChangedBy).HasMaxLength(256);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Ignore(x => x.Events);
    }
}

internal sealed class ClearanceActionConfiguration : IEntityTypeConfiguration<ClearanceAction>
{
    public void Configure(EntityTypeBuilder<ClearanceAction> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.AgencyCode).HasMaxLength(16);
        c.Property(x => x.StepName).HasMaxLength(100);
        c.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.By).HasMaxLength(256);
        c.Property(x => x.OnBehalfOf).HasMaxLength(256);
        c.Property(x => x.Comment).HasMaxLength(10_000);
        c.HasIndex(x => new { x.RoundId, x.AgencyCode });
        c.ToTable("ClearanceActions");
    }
}

internal sealed class AlternateConfiguration : IEntityTypeConfiguration<Alternate>
{
    public void Configure(EntityTypeBuilder<Alternate> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).ValueGeneratedNever();
        a.Property(x => x.PersonEmail).HasMaxLength(256);
        a.Property(x => x.AlternateEmail).HasMaxLength(256);
        a.Property(x => x.AgencyCode).HasMaxLength(16);
        // What each act on another's behalf asks: does this alternate hold for that person now?
        a.HasIndex(x => new { x.AlternateEmail, x.PersonEmail });
        a.HasIndex(x => x.PersonEmail);
        a.Ignore(x => x.Events);
    }
}

/// <summary>A chain's steps as one JSON column: they are read and written whole, with the chain or the round.</summary>
internal static class ClearanceStepsJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static readonly ValueConverter<List<ClearanceStep>, string> Converter = new(
        steps => System.Text.Json.JsonSerializer.Serialize(steps, Json),
        json => System.Text.Json.JsonSerializer.Deserialize<List<ClearanceStep>>(json, Json) ?? new List<ClearanceStep>());

    public static readonly ValueComparer<List<ClearanceStep>> Comparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Emails.SequenceEqual(p.Second.Emails))),
        steps => steps.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.Name, s.Emails.Count)),
        steps => steps.Select(s => new ClearanceStep(s.Name, s.Emails.ToList())).ToList());
}

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.PaperId, x.RevisionNumber }).IsUnique();
        // What the deadline sweep reads: pending corrections by deadline.
        c.HasIndex(x => new { x.Status, x.Deadline });
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.ContentHash).HasMaxLength(80);
        c.Property(x => x.ProposedBy).HasMaxLength(256);
        c.Property(x => x.ProposedByAgencyCode).HasMaxLength(16);
        c.Property(x => x.ObjectedByAgencyCode).HasMaxLength(16);
        c.Property(x => x.ObjectedBy).HasMaxLength(256);
        c.Property(x => x.ObjectedOnBehalfOf).HasMaxLength(256);
        c.Property(x => x.Objection).HasMaxLength(10_000);
    }
}
