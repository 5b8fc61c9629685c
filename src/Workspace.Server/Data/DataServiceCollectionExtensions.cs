using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workspace.Server.Data.PostgreSql;

namespace Workspace.Server.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionName = "Workspace";

    /// <summary>
    /// The database named by <c>ConnectionStrings:Workspace</c> on the engine <c>Database:Provider</c> names: by
    /// default the SQLite file <c>data/workspace.db</c> under the content root (a relative file is resolved
    /// against the content root and its folder created); or a PostgreSQL database shared by several nodes.
    /// </summary>
    public static IServiceCollection AddWorkspaceData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration("Database").ValidateDataAnnotations().ValidateOnStart();
        var storage = database.Provider == DatabaseProvider.PostgreSql
            ? AddPostgreSql(services, configuration.GetConnectionString(ConnectionName), database.MaxPoolSize)
            : AddSqlite(services, configuration, environment);
        services.AddSingleton(storage);

        var audit = configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        var beside = storage.Provider == DatabaseProvider.PostgreSql ? Path.Combine(environment.ContentRootPath, "data")
            : Path.GetDirectoryName(storage.DatabasePath) is { Length: > 0 } folder ? folder : environment.ContentRootPath;
        string Resolve(string configured, string fallback) =>
            string.IsNullOrWhiteSpace(configured) ? Path.Combine(beside, fallback) : Path.GetFullPath(configured, environment.ContentRootPath);
        services.AddSingleton(_ => new ChainKeys(Resolve(audit.KeyFile, "workspace.chain-keys")));
        // A factory, so that the container releases the anchor's lock when the server stops.
        var anchor = Resolve(audit.AnchorFile, "workspace.anchor");
        services.AddSingleton(_ => new LogAnchor(anchor));

        // First of the hosted services: the database is migrated before anything reads it (Data Protection's key ring).
        services.AddHostedService<DatabaseInitializer>();

        // Cookies and tokens are protected with keys kept in the database (encrypted under a key derived from the
        // chain keys, outside it): every node reads the same keys, and a restart or a redeploy keeps sessions.
        services.AddDataProtection().SetApplicationName("Inter-Agency Workspace").PersistKeysToDbContext<WorkspaceDb>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlEncryptor = new DataProtectionKeyEncryptor(sp.GetRequiredService<ChainKeys>())));

        services.AddHealthChecks().AddCheck<StorageHealthCheck>("database");
        // What follows from committed events (notifications, mail), run from durable checkpoints after commit.
        services.AddSingleton<LogReactions>();
        return services;
    }

    private static StorageMode AddSqlite(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = StorageMode.Detect(ResolveConnectionString(configuration.GetConnectionString(ConnectionName), environment.ContentRootPath));
        var connectionString = storage.ConnectionString;
        var pragmas = new SqlitePragmas(storage.ReadOnly, configuration.GetSection("Storage").Get<StorageOptions>()?.MaxDatabaseMegabytes ?? 0);
        services.AddSingleton(provider => new GroupCommit(connectionString, pragmas.Statements, provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<IWritePath>(provider => provider.GetRequiredService<GroupCommit>());
        services.AddDbContext<WorkspaceDb>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(WorkspaceDb).Assembly.FullName))
            .AddInterceptors(pragmas));
        return storage;
    }

    private static StorageMode AddPostgreSql(IServiceCollection services, string? connectionString, int maxPoolSize)
    {
        if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Database:Provider is PostgreSql but ConnectionStrings:Workspace is not a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).");
        }

        // Bounded per node (EF Core's pool here, the jobs' pool as large): with nodes × 2 × the bound below the server's
        // max_connections, a burst of requests waits for a connection instead of being refused by the server (53300).
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize };
        // The relay's LISTEN connection and the jobs' storage come from the same data source as EF Core's.
        var database = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        services.AddSingleton(database);
        services.AddSingleton(provider => new PostgreSqlWrites(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<IWritePath>(provider => provider.GetRequiredService<PostgreSqlWrites>());
        services.AddDbContext<WorkspaceDb, PostgreSqlWorkspaceDb>(options => options.UseNpgsql(database));
        services.AddHostedService<PostgreSqlLogListener>();
        return StorageMode.Server(DatabaseProvider.PostgreSql, builder.ConnectionString);
    }

    internal static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/workspace.db" : configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            builder.DataSource = path;
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        return builder.ToString();
    }
}
