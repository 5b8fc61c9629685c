using Microsoft.AspNetCore.Identity;

namespace Workspace.Server.Data;

/// <summary>This node's chain keys are not those the log was written with (several nodes, different key files).</summary>
public sealed class ChainKeysDifferException(string message) : IOException(message);

/// <summary>
/// Before the server takes requests: takes its anchor file for itself, applies pending migrations, makes sure the
/// roles exist, and seeds the demo group into an empty database when <c>Seed:Demo</c> is on.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes, StorageMode storage, LogAnchor anchor, IOptions<SeedOptions> seed, IOptions<BootstrapOptions> bootstrap, IOptions<GroupOptions> group,
    ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    /// <summary>The session lock under which nodes of one PostgreSQL database prepare it one after another.</summary>
    private const long StartLock = 0x6961777374617274;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        anchor.Claim();
        if (storage.Provider != DatabaseProvider.PostgreSql)
        {
            await PrepareAsync(cancellationToken);
            await BindAnchorAsync(cancellationToken);
            return;
        }

        // Nodes started together would otherwise both find no roles, or an empty database, and both create them.
        await using var database = new Npgsql.NpgsqlConnection(storage.ConnectionString);
        await database.OpenAsync(cancellationToken);
        await using (var wait = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({StartLock})", database))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await PrepareAsync(cancellationToken);
        await EnsureSameChainKeysAsync(cancellationToken);
        await BindAnchorAsync(cancellationToken);
    }

    /// <summary>The anchor names the log it anchors (its first event's hash): one left from another database stops the start.</summary>
    private async Task BindAnchorAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var first = await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Events.AsNoTracking()
            .Where(e => e.Seq == 1).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (first is not null)
        {
            anchor.Bind(first);
        }
    }

    /// <summary>
    /// Every node must chain with the same keys: a node whose key file differs from the one the log's last row
    /// was written with would append rows the others cannot verify. It does not start.
    /// </summary>
    private async Task EnsureSameChainKeysAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var keys = scope.ServiceProvider.GetRequiredService<ChainKeys>();
        var last = await db.Events.AsNoTracking().OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct);
        if (last is not null && last.KeyId.Length > 0 && last.ExpectedHash(keys) != last.Hash)
        {
            throw new ChainKeysDifferException(
                $"the chain key file ({keys.Path}) is not the one the event log was written with (its last row, seq {last.Seq}, uses key {last.KeyId}). " +
                "Every node needs the same Audit:KeyFile: copy it from a node that runs, or point this one at the shared file.");
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        // Migrating takes a lock that is written even with nothing to apply: only when there is something, so a
        // read-only database that is up to date still starts (and serves reads).
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (storage.ReadOnly)
        {
            if (pending.Count > 0 || !await db.Agencies.AnyAsync(cancellationToken))
            {
                throw new ReadOnlyStorageException($"the database {storage.DatabasePath} is read-only and needs to be written first " +
                    (pending.Count > 0 ? $"({pending.Count} migrations to apply)." : "(it is empty)."));
            }

            StartedReadOnly(logger, storage.DatabasePath);
            return;
        }

        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await RechainLegacyRowsAsync(db, scope.ServiceProvider.GetRequiredService<ChainKeys>(), cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        await BootstrapSecretariatAsync(scope.ServiceProvider, db, cancellationToken);

        if (!seed.Value.Demo || await db.Agencies.AnyAsync(cancellationToken))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(seed.Value.DemoPassword))
        {
            RefusedToSeed(logger);
            return;
        }

        await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(seed.Value.DemoPassword, cancellationToken);
        Seeded(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Rows written before the chain was keyed carry no key id and an unkeyed hash. If their chain is intact
    /// they are chained again, once, under the current key; if not, they are left as they are for the audit
    /// to report.
    /// </summary>
    private async Task RechainLegacyRowsAsync(WorkspaceDb db, ChainKeys keys, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.KeyId == "", ct))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Events.OrderBy(e => e.Seq).ToListAsync(ct);
        var previous = "";
        foreach (var row in rows)
        {
            if (row.KeyId.Length > 0 || row.PreviousHash != previous || row.Hash != row.LegacyHash())
            {
                LegacyChainBroken(logger, row.Seq);
                return;
            }

            previous = row.Hash;
        }

        previous = "";
        foreach (var row in rows)
        {
            var hash = keys.Hash(keys.CurrentId, EventRecord.HashedText(row.Seq, row.Type, row.OccurredAt, row.SubjectKind, row.SubjectId, row.Actor,
                row.Audience, row.Data, previous, keys.CurrentId))!;
            await db.Events.Where(e => e.Seq == row.Seq).ExecuteUpdateAsync(e => e
                .SetProperty(x => x.KeyId, keys.CurrentId).SetProperty(x => x.PreviousHash, previous).SetProperty(x => x.Hash, hash), ct);
            previous = hash;
        }

        await db.EventLogHeads.ExecuteUpdateAsync(h => h.SetProperty(x => x.Hash, previous), ct);
        await transaction.CommitAsync(ct);
        Rechained(logger, rows.Count, keys.CurrentId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database {Path} cannot be written (read-only or full storage): serving reads; every write is answered 503 until it can be written and the server is restarted.")]
    private static partial void StartedReadOnly(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-chained {Count} event-log rows of an earlier release under chain key {KeyId}.")]
    private static partial void Rechained(ILogger logger, int count, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The event log's unkeyed chain of an earlier release is broken at seq {Seq}: left as it is; the audit reports it.")]
    private static partial void LegacyChainBroken(ILogger logger, long seq);

    private async Task BootstrapSecretariatAsync(IServiceProvider services, WorkspaceDb db, CancellationToken ct)
    {
        var (email, password) = (bootstrap.Value.SecretariatEmail?.Trim(), bootstrap.Value.SecretariatPassword);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<Person>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var code = group.Value.SecretariatAgencyCode;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            db.Agencies.Add(Domain.Agency.Register(code, bootstrap.Value.SecretariatAgencyName, Domain.Actor.System));
            await db.SaveChangesAsync(ct);
        }

        var person = new Person { Email = email, UserName = email, DisplayName = $"Secretariat ({code})", AgencyCode = code, EmailConfirmed = true };
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Bootstrap:SecretariatEmail/SecretariatPassword are not acceptable: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(person, Roles.Secretariat);
        await transaction.CommitAsync(ct);
        Bootstrapped(logger, email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered the first secretariat sign-in {Email} from Bootstrap settings.")]
    private static partial void Bootstrapped(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Not seeding the demo group: Seed:Demo is on but no Seed:DemoPassword is configured. " +
        "Set Seed__DemoPassword to the password the demo sign-ins should have, or Seed__Demo=false.")]
    private static partial void RefusedToSeed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo group into an empty database.")]
    private static partial void Seeded(ILogger logger);
}
