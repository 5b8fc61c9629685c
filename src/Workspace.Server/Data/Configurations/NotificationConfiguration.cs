using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.HasKey(x => x.Id);
        n.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.PersonId, x.CreatedAt });
        n.HasIndex(x => new { x.EventSeq, x.PersonId }).IsUnique();
    }
}
