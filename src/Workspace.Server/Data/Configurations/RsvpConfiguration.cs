using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Data.Configurations;

internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> r)
    {
        r.HasKey(x => new { x.MeetingId, x.Email });
        r.Property(x => x.Response).HasConversion<string>().HasMaxLength(16);
    }
}
