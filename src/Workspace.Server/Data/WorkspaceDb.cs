using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workspace.Server.Auth;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data;

/// <summary>
/// The one database: people and roles (Identity), the group's state and the event log. Saving appends
/// the events the tracked aggregates raised, in the same transaction as the state they describe.
/// </summary>
public sealed class WorkspaceDb(DbContextOptions<WorkspaceDb> options, ICurrentUser actor, TimeProvider clock, ChainKeys keys)
    : IdentityDbContext<Person, IdentityRole<Guid>, Guid>(options)
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<CoChairTerm> CoChairTerms => Set<CoChairTerm>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<Round> Rounds => Set<Round>();

    public DbSet<RoundAgency> RoundAgencies => Set<RoundAgency>();

    public DbSet<SignOffDecision> SignOffDecisions => Set<SignOffDecision>();

    public DbSet<PaperComment> Comments => Set<PaperComment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Rsvp> Rsvps => Set<Rsvp>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<EventLogHead> EventLogHeads => Set<EventLogHead>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    private readonly List<DomainEvent> recorded = [];

    /// <summary>An event about the workspace itself rather than one aggregate (a key rotation), appended at the next save.</summary>
    public void Record(DomainEvent e) => recorded.Add(e);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var raised = ChangeTracker.Entries<Aggregate>().SelectMany(e => e.Entity.Events).Concat(recorded).ToList();
        if (raised.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The log's head is read and advanced inside the transaction that writes the state, so seq has no
        // gaps and commits in order. SQLite transactions here begin IMMEDIATE, which serializes appends.
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AppendAsync(raised, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var entry in ChangeTracker.Entries<Aggregate>())
            {
                entry.Entity.ClearEvents();
            }

            recorded.Clear();

            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task AppendAsync(List<DomainEvent> raised, CancellationToken ct)
    {
        var head = await EventLogHeads.SingleOrDefaultAsync(ct);
        if (head is null)
        {
            head = new EventLogHead();
            EventLogHeads.Add(head);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var e in raised)
        {
            var seq = head.Seq + 1;
            var audience = e.Audience.IsEveryone
                ? EventRecord.Everyone
                : "," + string.Join(',', e.Audience.AgencyCodes) + ",";
            var data = JsonSerializer.Serialize(e.Data, EventJson);
            var keyId = keys.CurrentId;
            var hash = keys.Hash(keyId, EventRecord.HashedText(seq, e.Type, at, e.Subject.Kind, e.Subject.Id, actor.Actor, audience, data, head.Hash, keyId))!;
            Events.Add(new EventRecord
            {
                Seq = seq,
                Type = e.Type,
                OccurredAt = at,
                SubjectKind = e.Subject.Kind,
                SubjectId = e.Subject.Id,
                Actor = actor.Actor,
                Audience = audience,
                Data = data,
                PreviousHash = head.Hash,
                KeyId = keyId,
                Hash = hash,
            });
            head.Seq = seq;
            head.Hash = hash;

            if (e.Notice is { } notice)
            {
                await NotifyAsync(seq, e, notice, at, ct);
            }
        }
    }

    /// <summary>One notification for every person of the agencies the notice names.</summary>
    private async Task NotifyAsync(long seq, DomainEvent e, Notice notice, DateTime at, CancellationToken ct)
    {
        var codes = notice.AgencyCodes.ToList();
        var except = (notice.ExceptEmails ?? []).ToList();
        var people = await Users.Where(p => codes.Contains(p.AgencyCode) && !except.Contains(p.Email!)).Select(p => p.Id).ToListAsync(ct);
        Notifications.AddRange(people.Select(person => new Notification
        {
            PersonId = person,
            EventSeq = seq,
            Kind = notice.Kind,
            Text = notice.Text,
            SubjectKind = e.Subject.Kind,
            SubjectId = e.Subject.Id,
            CreatedAt = at,
        }));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so it is restored on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Person>(p =>
        {
            p.Property(x => x.DisplayName).HasMaxLength(200);
            p.Property(x => x.AgencyCode).HasMaxLength(16);
            p.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyCode).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => x.AgencyCode);
        });

        builder.Entity<StorageProbe>().ToTable("StorageProbe");

        builder.Entity<Session>(s =>
        {
            s.HasKey(x => x.Id);
            s.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => x.PersonId);
            s.Property(x => x.RevokedReason).HasMaxLength(40);
        });

        builder.Entity<Agency>(a =>
        {
            a.HasKey(x => x.Code);
            a.Property(x => x.Code).HasMaxLength(16);
            a.Property(x => x.Name).HasMaxLength(200);
            a.Property(x => x.Mandate).HasMaxLength(4000);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.Events);
        });

        builder.Entity<CoChairTerm>(t =>
        {
            t.HasKey(x => x.Id);
            t.Property(x => x.FirstAgencyCode).HasMaxLength(16);
            t.Property(x => x.SecondAgencyCode).HasMaxLength(16);
            t.HasOne<Agency>().WithMany().HasForeignKey(x => x.FirstAgencyCode).OnDelete(DeleteBehavior.Restrict);
            t.HasOne<Agency>().WithMany().HasForeignKey(x => x.SecondAgencyCode).OnDelete(DeleteBehavior.Restrict);
            t.HasIndex(x => new { x.From, x.To });
            t.Ignore(x => x.AgencyCodes);
            t.Ignore(x => x.Events);
        });

        builder.Entity<WorkingGroup>(g =>
        {
            g.HasKey(x => x.Id);
            g.Property(x => x.Name).HasMaxLength(200);
            g.Property(x => x.LeadAgencyCode).HasMaxLength(16);
            g.HasOne<Agency>().WithMany().HasForeignKey(x => x.LeadAgencyCode).OnDelete(DeleteBehavior.Restrict);
            g.Property(x => x.Version).IsConcurrencyToken();
            g.Ignore(x => x.Events);
        });

        builder.Entity<Paper>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Title).HasMaxLength(300);
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.LeadAgencyCode).HasMaxLength(16);
            p.HasOne<Agency>().WithMany().HasForeignKey(x => x.LeadAgencyCode).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasMany(x => x.LoadedRounds).WithOne().HasForeignKey(r => r.PaperId).OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.LoadedRounds).HasField("rounds").UsePropertyAccessMode(PropertyAccessMode.Field);
            p.HasIndex(x => x.State);
            p.HasIndex(x => x.PublishedAt);
            p.Ignore(x => x.CurrentRound);
            p.Ignore(x => x.Events);
        });

        builder.Entity<Revision>(r =>
        {
            r.HasKey(x => new { x.PaperId, x.Number });
            r.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
            r.Property(x => x.ContentHash).HasMaxLength(80);
        });

        builder.Entity<Round>(r =>
        {
            r.HasKey(x => x.Id);
            // The domain makes the id; a round reached through its paper's collection is new, not existing.
            r.Property(x => x.Id).ValueGeneratedNever();
            r.HasIndex(x => new { x.PaperId, x.Number }).IsUnique();
            r.HasIndex(x => new { x.Status, x.Deadline });
            r.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.ContentHash).HasMaxLength(80);
            r.HasMany(x => x.Agencies).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Agencies).HasField("agencies").UsePropertyAccessMode(PropertyAccessMode.Field);
            r.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Decisions).HasField("decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
            r.Ignore(x => x.PendingAgencyCodes);
            r.Ignore(x => x.IsOpen);
        });

        builder.Entity<RoundAgency>(a =>
        {
            a.HasKey(x => new { x.RoundId, x.AgencyCode });
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            a.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SignOffDecision>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            d.HasIndex(x => new { x.RoundId, x.AgencyCode });
        });

        builder.Entity<PaperComment>(c =>
        {
            c.HasKey(x => x.Id);
            c.HasOne<Paper>().WithMany().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => new { x.PaperId, x.CreatedAt });
            c.Property(x => x.Text).HasMaxLength(10_000);
            c.ToTable("Comments");
        });

        builder.Entity<Notification>(n =>
        {
            n.HasKey(x => x.Id);
            n.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            n.HasIndex(x => new { x.PersonId, x.CreatedAt });
            n.HasIndex(x => new { x.EventSeq, x.PersonId }).IsUnique();
        });

        builder.Entity<Meeting>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Title).HasMaxLength(300);
            m.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            m.Property(x => x.TimeZone).HasMaxLength(64);
            m.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
            m.HasOne<Paper>().WithMany().HasForeignKey(x => x.MinutesPaperId).OnDelete(DeleteBehavior.Restrict);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasMany(x => x.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.Navigation(x => x.Agenda).HasField("agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
            m.HasMany(x => x.Rsvps).WithOne().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.Navigation(x => x.Rsvps).HasField("rsvps").UsePropertyAccessMode(PropertyAccessMode.Field);
            m.HasIndex(x => x.StartsAt);
            m.Ignore(x => x.EndsAt);
            m.Ignore(x => x.Events);
        });

        builder.Entity<AgendaItem>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Title).HasMaxLength(300);
            a.HasOne<Agency>().WithMany().HasForeignKey(x => x.PresenterAgencyCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Rsvp>(r =>
        {
            r.HasKey(x => new { x.MeetingId, x.Email });
            r.Property(x => x.Response).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<CalendarFeed>(f =>
        {
            f.HasKey(x => x.PersonId);
            f.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            f.HasIndex(x => x.TokenHash).IsUnique();
        });

        builder.Entity<Paper>().HasIndex(x => x.MeetingId);
        builder.Entity<Paper>().HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);

        builder.Entity<EventRecord>(e =>
        {
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.SubjectKind).HasMaxLength(32);
            e.Property(x => x.SubjectId).HasMaxLength(64);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.HasIndex(x => new { x.SubjectKind, x.SubjectId });
            e.Property(x => x.KeyId).HasMaxLength(16).HasDefaultValue("");
            e.ToTable("EventLog");
        });

        builder.Entity<EventLogHead>(h =>
        {
            h.HasKey(x => x.Id);
            h.Property(x => x.Id).ValueGeneratedNever();
            h.ToTable("EventLogHead");
        });

        builder.Entity<IdempotencyRecord>(r =>
        {
            r.HasKey(x => new { x.UserId, x.Key });
            r.Property(x => x.Key).HasMaxLength(255);
            r.HasIndex(x => x.CreatedAt);
        });
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
