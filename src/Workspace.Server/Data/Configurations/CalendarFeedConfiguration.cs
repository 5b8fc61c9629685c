using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> f)
    {
        f.HasKey(x => x.PersonId);
        f.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        f.HasIndex(x => x.TokenHash).IsUnique();
    }
}
