using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data;

/// <summary>
/// The one database: people and roles (Identity), the group's state and the event log. Saving appends
/// the events the tracked aggregates raised, in the same transaction as the state they describe.
/// The model is the same on every engine; <see cref="PostgreSql.PostgreSqlWorkspaceDb"/> only names it apart, so
/// that each engine keeps its own migrations.
/// </summary>
public class WorkspaceDb : IdentityDbContext<Person, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly TimeProvider clock;
    private readonly ChainKeys keys;
    private readonly IWritePath writes;

    public WorkspaceDb(DbContextOptions<WorkspaceDb> options, TimeProvider clock, ChainKeys keys, IWritePath writes)
        : this((DbContextOptions)options, clock, keys, writes)
    {
    }

    protected WorkspaceDb(DbContextOptions options, TimeProvider clock, ChainKeys keys, IWritePath writes)
        : base(options) => (this.clock, this.keys, this.writes) = (clock, keys, writes);

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<CoChairTerm> CoChairTerms => Set<CoChairTerm>();

    public DbSet<DirectoryTerms> DirectoryTerms => Set<DirectoryTerms>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<Round> Rounds => Set<Round>();

    public DbSet<RoundAgency> RoundAgencies => Set<RoundAgency>();

    public DbSet<SignOffDecision> SignOffDecisions => Set<SignOffDecision>();

    public DbSet<PaperComment> Comments => Set<PaperComment>();

    public DbSet<SignOffRule> SignOffRules => Set<SignOffRule>();

    public DbSet<ClearanceChain> ClearanceChains => Set<ClearanceChain>();

    public DbSet<ClearanceAction> ClearanceActions => Set<ClearanceAction>();

    public DbSet<Alternate> Alternates => Set<Alternate>();

    public DbSet<Correction> Corrections => Set<Correction>();

    public DbSet<LanguageVersion> LanguageVersions => Set<LanguageVersion>();

    public DbSet<VersionRevision> VersionRevisions => Set<VersionRevision>();

    public DbSet<LanguageReviewers> LanguageReviewers => Set<LanguageReviewers>();

    public DbSet<Domain.Consultations.Consultation> Consultations => Set<Domain.Consultations.Consultation>();

    public DbSet<Domain.Consultations.ConsultationComment> ConsultationComments => Set<Domain.Consultations.ConsultationComment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<RevisionBlock> RevisionBlocks => Set<RevisionBlock>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<ActionItemComment> ActionItemComments => Set<ActionItemComment>();

    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<Rsvp> Rsvps => Set<Rsvp>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<EventLogHead> EventLogHeads => Set<EventLogHead>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>The outbox of mail, written by the reactions after commit and delivered by the mail delivery.</summary>
    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();

    /// <summary>Set while the demo's history is seeded: its events carry notices that are not mailed, as nobody is mailed about a past that never happened.</summary>
    public bool WritesNoMail { get; set; }

    /// <summary>How people take each kind of mail, where they chose other than the default.</summary>
    public DbSet<MailChoice> MailChoices => Set<MailChoice>();

    /// <summary>The keys that protect cookies and tokens, shared by every node (encrypted: <see cref="DataProtectionKeyEncryptor"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private readonly List<DomainEvent> recorded = [];

    /// <summary>
    /// Runs several reads on one snapshot of the database, so that what they return belongs together, without
    /// holding up writers: on SQLite a deferred read transaction (WAL), on PostgreSQL a repeatable-read one.
    /// Inside a transaction already, on that one.
    /// </summary>
    public async Task<T> ReadTogetherAsync<T>(Func<CancellationToken, Task<T>> reads, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await reads(cancellationToken);
        }

        if (!Database.IsSqlite())
        {
            await using var repeatable = await Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            return await reads(cancellationToken);
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = ((Microsoft.Data.Sqlite.SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
            await Database.UseTransactionAsync(snapshot, cancellationToken);
            try
            {
                return await reads(cancellationToken);
            }
            finally
            {
                await Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    /// <summary>An event about the workspace itself rather than one aggregate (a key rotation), appended at the next save.</summary>
    public void Record(DomainEvent e) => recorded.Add(e);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here, rather than again by each look at the tracked entities and by the save itself.
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var raised = ChangeTracker.Entries<Aggregate>().SelectMany(e => e.Entity.Events).Concat(recorded).ToList();
        if (raised.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The log's head is read and advanced inside the transaction that writes the state, in the writer's turn,
        // so seq has no gaps and commits in order.
        if (Database.CurrentTransaction is null)
        {
            return await writes.WriteAsync(this, ct => SaveDetectedChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
        }

        await AppendAsync(raised, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var entry in ChangeTracker.Entries<Aggregate>())
        {
            entry.Entity.ClearEvents();
        }

        recorded.Clear();
        return written;
    }

    private async Task AppendAsync(IReadOnlyList<DomainEvent> raised, CancellationToken ct)
    {
        await writes.BeforeAppendAsync(this, ct);
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
                : (e.Audience.IsInternal ? EventRecord.Internal : "") + "," + string.Join(',', e.Audience.AgencyCodes) + ",";
            var data = JsonSerializer.Serialize(e.Data, EventRecord.Json);
            var keyId = keys.CurrentId;
            var hash = keys.Hash(keyId, EventRecord.HashedText(seq, e.Type, at, e.Subject.Kind, e.Subject.Id, e.Actor, audience, data, head.Hash, keyId))!;
            Events.Add(new EventRecord
            {
                Seq = seq,
                Type = e.Type,
                OccurredAt = at,
                SubjectKind = e.Subject.Kind,
                SubjectId = e.Subject.Id,
                Actor = e.Actor,
                Audience = audience,
                Data = data,
                PreviousHash = head.Hash,
                KeyId = keyId,
                Hash = hash,
                Notice = e.Notice is null ? null : JsonSerializer.Serialize(new LoggedNotice(e.Notice, Mailed: !WritesNoMail), EventRecord.Json),
            });
            head.Seq = seq;
            head.Hash = hash;
        }

        // The head moved after the save's one pass over the changes: that one entity is looked at again.
        Entry(head).DetectChanges();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so it is restored on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // One configuration class per entity, under Data/Configurations.
        builder.ApplyConfigurationsFromAssembly(typeof(WorkspaceDb).Assembly);
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
