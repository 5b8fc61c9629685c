using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Data.Configurations;

internal sealed class MailChoiceConfiguration : IEntityTypeConfiguration<MailChoice>
{
    public void Configure(EntityTypeBuilder<MailChoice> m)
    {
        m.HasKey(x => new { x.PersonId, x.Kind });
        m.Property(x => x.Kind).HasMaxLength(40);
        m.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        m.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        m.ToTable("MailChoices");
    }
}
