using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Workspace.Server.Data.PostgreSql;

/// <summary>
/// Copies a SQLite workspace into an empty PostgreSQL database (<c>migrate-to-postgres</c>): the schema by the
/// PostgreSQL migrations, then every row of every table in the order their foreign keys need, in one transaction,
/// the event log with its hashes as they are. On arrival the copy is checked: the same number of rows in every
/// table, and the audit (chain, head, anchor, state against the log) passes on PostgreSQL with the same chain
/// keys. Nothing is changed in the SQLite file.
/// </summary>
public static class MoveToPostgreSql
{
    private const int Batch = 1000;

    /// <param name="Tables">Rows copied, per table.</param>
    /// <param name="Audit">The audit of the copy, on PostgreSQL.</param>
    public sealed record Report(IReadOnlyDictionary<string, int> Tables, AuditView Audit);

    public static async Task<Report> RunAsync(WorkspaceDb source, string target, ChainKeys keys, LogAnchor anchor, CancellationToken ct)
    {
        await using var copy = new PostgreSqlWorkspaceDb(new DbContextOptionsBuilder<PostgreSqlWorkspaceDb>().UseNpgsql(target).Options,
            TimeProvider.System, keys, new PostgreSqlWrites());
        await copy.Database.MigrateAsync(ct);
        if (await copy.Events.AnyAsync(ct) || await copy.Agencies.AnyAsync(ct) || await copy.Users.AnyAsync(ct))
        {
            throw new InvalidOperationException("The PostgreSQL database already holds a workspace: moving is into an empty database only.");
        }

        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        var (order, deferred) = InDependencyOrder(source.Model);
        await using (var transaction = await copy.Database.BeginTransactionAsync(ct))
        {
            var copyTable = typeof(MoveToPostgreSql).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
            var later = new List<(IForeignKey Key, object?[] Row, object Value)>();
            foreach (var entity in order)
            {
                var copied = await (Task<int>)copyTable.MakeGenericMethod(entity.ClrType).Invoke(null, [source, copy, deferred, later, ct])!;
                tables[entity.GetTableName()!] = copied;
            }

            await SetDeferredAsync(copy, later, ct);
            await RestartIdentitiesAsync(copy, ct);
            await transaction.CommitAsync(ct);
        }

        foreach (var entity in order)
        {
            var count = typeof(MoveToPostgreSql).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity.ClrType);
            var arrived = await (Task<int>)count.Invoke(null, [copy, ct])!;
            if (arrived != tables[entity.GetTableName()!])
            {
                throw new InvalidOperationException($"{entity.GetTableName()}: {tables[entity.GetTableName()!]} rows copied but {arrived} arrived.");
            }
        }

        copy.ChangeTracker.Clear();
        var audit = await LogAudit.VerifyAsync(copy, keys, anchor, ct);
        return new Report(tables, audit);
    }

    /// <summary>
    /// Principal tables before the tables whose foreign keys point at them. Where keys form a cycle (a meeting's
    /// minutes are a paper, a paper may belong to a meeting), an optional key of the cycle is deferred: its
    /// column is written empty with its row and set once every table is copied.
    /// </summary>
    private static (List<IEntityType> Order, HashSet<IForeignKey> Deferred) InDependencyOrder(IModel model)
    {
        var remaining = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var deferred = new HashSet<IForeignKey>();
        bool Satisfied(IForeignKey fk, IEntityType e) => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType) || deferred.Contains(fk);
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(e => e.GetForeignKeys().All(fk => Satisfied(fk, e))).ToList();
            if (ready.Count == 0)
            {
                var breakable = remaining.SelectMany(e => e.GetForeignKeys().Where(fk => !Satisfied(fk, e) && !fk.IsRequired && fk.Properties.Count == 1))
                    .OrderBy(fk => fk.DeclaringEntityType.GetTableName(), StringComparer.Ordinal).FirstOrDefault()
                    ?? throw new InvalidOperationException("The tables' required foreign keys form a cycle: " + string.Join(", ", remaining.Select(e => e.GetTableName())));
                deferred.Add(breakable);
                continue;
            }

            ordered.AddRange(ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal));
            remaining.RemoveAll(ready.Contains);
        }

        return (ordered, deferred);
    }

    private static async Task<int> CopyTableAsync<T>(WorkspaceDb source, PostgreSqlWorkspaceDb copy, HashSet<IForeignKey> deferred,
        List<(IForeignKey Key, object?[] Row, object Value)> later, CancellationToken ct)
        where T : class
    {
        var entity = source.Model.FindEntityType(typeof(T))!;
        if (entity.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{entity.GetTableName()}.{shadow.Name} is a shadow property, which this copy does not carry.");
        }

        var key = entity.FindPrimaryKey()!.Properties;
        var rows = 0;
        var batch = new List<T>(Batch);
        async Task WriteAsync()
        {
            copy.Set<T>().AddRange(batch);
            foreach (var fk in entity.GetForeignKeys().Where(deferred.Contains))
            {
                foreach (var row in batch)
                {
                    var added = copy.Entry(row);
                    var column = added.Property(fk.Properties[0].Name);
                    if (column.CurrentValue is { } value)
                    {
                        later.Add((fk, [.. key.Select(k => added.Property(k.Name).CurrentValue)], value));
                        column.CurrentValue = null;
                    }
                }
            }

            await copy.SaveChangesAsync(ct);
            copy.ChangeTracker.Clear();
            rows += batch.Count;
            batch.Clear();
        }

        // One pass over the table, written a batch at a time, so that a large log is never held whole.
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == Batch)
            {
                await WriteAsync();
            }
        }

        await WriteAsync();
        return rows;
    }

    /// <summary>The deferred keys of a cycle, set once both ends are copied.</summary>
    private static async Task SetDeferredAsync(PostgreSqlWorkspaceDb copy, List<(IForeignKey Key, object?[] Row, object Value)> later, CancellationToken ct)
    {
        foreach (var (fk, row, value) in later)
        {
            var table = fk.DeclaringEntityType.GetTableName();
            var keys = fk.DeclaringEntityType.FindPrimaryKey()!.Properties;
            var where = string.Join(" AND ", keys.Select((k, i) => $"\"{k.GetColumnName()}\" = {{{i + 1}}}"));
#pragma warning disable EF1002 // Names from the model; values as parameters.
            await copy.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET \"{fk.Properties[0].GetColumnName()}\" = {{0}} WHERE {where}", [value, .. row!], ct);
#pragma warning restore EF1002
        }
    }

    private static Task<int> CountAsync<T>(PostgreSqlWorkspaceDb copy, CancellationToken ct)
        where T : class => copy.Set<T>().CountAsync(ct);

    /// <summary>Identity columns continue after the highest value copied into them.</summary>
    private static async Task RestartIdentitiesAsync(PostgreSqlWorkspaceDb copy, CancellationToken ct)
    {
        foreach (var entity in copy.Model.GetEntityTypes())
        {
            var generated = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long)));
            foreach (var property in generated)
            {
                if (entity.GetTableName() is not { } table)
                {
                    continue;
                }

                var column = property.GetColumnName();
#pragma warning disable EF1002 // Names from the model, not input.
                await copy.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE(MAX(\"{column}\"), 1), MAX(\"{column}\") IS NOT NULL) FROM \"{table}\"", ct);
#pragma warning restore EF1002
            }
        }
    }
}
