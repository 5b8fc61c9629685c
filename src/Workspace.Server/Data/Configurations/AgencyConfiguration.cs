using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> a)
    {
        a.HasKey(x => x.Code);
        a.Property(x => x.Code).HasMaxLength(16);
        a.Property(x => x.Name).HasMaxLength(200);
        a.Property(x => x.Mandate).HasMaxLength(4000);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Property(x => x.ResourcesUrl).HasMaxLength(500);
        a.Property(x => x.KeyActivities).HasConversion(KeyActivitiesJson.Converter, KeyActivitiesJson.Comparer);
        a.Ignore(x => x.Events);
    }
}

internal sealed class DirectoryTermsConfiguration : IEntityTypeConfiguration<DirectoryTerms>
{
    public void Configure(EntityTypeBuilder<DirectoryTerms> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.Version).IsConcurrencyToken();
        d.Ignore(x => x.Events);
    }
}

/// <summary>An agency's key activities as one JSON column: read and written whole, with its profile.</summary>
internal static class KeyActivitiesJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<KeyActivity>, string> Converter = new(
        activities => System.Text.Json.JsonSerializer.Serialize(activities, Json),
        json => System.Text.Json.JsonSerializer.Deserialize<List<KeyActivity>>(json, Json) ?? new List<KeyActivity>());

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<KeyActivity>> Comparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        activities => activities.Aggregate(0, (hash, a) => HashCode.Combine(hash, a)),
        activities => activities.ToList());
}
