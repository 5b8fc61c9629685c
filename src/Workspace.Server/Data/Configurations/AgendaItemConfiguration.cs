using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).ValueGeneratedNever();
        a.Property(x => x.Title).HasMaxLength(300);
        a.HasOne<Agency>().WithMany().HasForeignKey(x => x.PresenterAgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
