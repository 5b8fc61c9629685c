using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> s)
    {
        s.HasKey(x => x.Id);
        s.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => x.PersonId);
        s.Property(x => x.RevokedReason).HasMaxLength(40);
    }
}
