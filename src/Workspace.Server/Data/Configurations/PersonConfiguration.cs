using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> p)
    {
        p.Property(x => x.DisplayName).HasMaxLength(200);
        // A person single sign-on brought in without an agency has none until the secretariat sets it: "" in the
        // code, NULL in the column, so the agency's foreign key holds for everyone else.
        // EF1001: the converter that also converts nulls is marked as EF's own API; it is the documented way to map "" to NULL.
#pragma warning disable EF1001
        p.Property(x => x.AgencyCode).HasMaxLength(16).IsRequired(false)
            .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<string, string?>(
                code => code == "" ? null : code, column => column ?? "", convertsNulls: true));
#pragma warning restore EF1001
        p.Property(x => x.TimeZone).HasMaxLength(64);
        p.Property(x => x.Language).HasMaxLength(8);
        p.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyCode).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        p.HasIndex(x => x.AgencyCode);
    }
}
