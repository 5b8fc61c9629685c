using Microsoft.Data.Sqlite;

namespace Workspace.Server.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionName = "Workspace";

    /// <summary>
    /// The SQLite database named by <c>ConnectionStrings:Workspace</c>, by default <c>data/workspace.db</c>
    /// under the content root. A relative file is resolved against the content root and its folder created.
    /// </summary>
    public static IServiceCollection AddWorkspaceData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = StorageMode.Detect(ResolveConnectionString(configuration.GetConnectionString(ConnectionName), environment.ContentRootPath));
        var connectionString = storage.ConnectionString;
        services.AddSingleton(storage);
        var audit = configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        var beside = Path.GetDirectoryName(storage.DatabasePath) is { Length: > 0 } folder ? folder : environment.ContentRootPath;
        string Resolve(string configured, string fallback) =>
            string.IsNullOrWhiteSpace(configured) ? Path.Combine(beside, fallback) : Path.GetFullPath(configured, environment.ContentRootPath);
        services.AddSingleton(_ => new ChainKeys(Resolve(audit.KeyFile, "workspace.chain-keys")));
        services.AddSingleton(new LogAnchor(Resolve(audit.AnchorFile, "workspace.anchor")));
        var pragmas = new SqlitePragmas(storage.ReadOnly, configuration.GetSection("Storage").Get<StorageOptions>()?.MaxDatabaseMegabytes ?? 0);
        services.AddSingleton(provider => new GroupCommit(connectionString, pragmas.Statements, provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddDbContext<WorkspaceDb>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(WorkspaceDb).Assembly.FullName))
            .AddInterceptors(pragmas));
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("database");
        return services;
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
