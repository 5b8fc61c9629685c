using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Kind).HasMaxLength(40);
        m.Property(x => x.To).HasMaxLength(256);
        m.Property(x => x.ToName).HasMaxLength(200);
        m.Property(x => x.Subject).HasMaxLength(400);
        m.Property(x => x.LastError).HasMaxLength(1000);
        m.Property(x => x.CalendarMethod).HasMaxLength(16);
        m.Property(x => x.Link).HasMaxLength(500);
        m.Property(x => x.Unsubscribe).HasMaxLength(1000);
        m.Ignore(x => x.MessageId);
        // What is still to deliver, soonest first.
        m.HasIndex(x => new { x.SentAt, x.GivenUpAt, x.NextAttemptAt });
        // What waits for a digest, per person.
        m.HasIndex(x => new { x.HeldForDigest, x.DigestId, x.PersonId });
        m.ToTable("OutgoingMail");
    }
}
