using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Workspace.Server.Data;

namespace Workspace.Server.Jobs;

/// <summary>
/// Hangfire for timed work. On SQLite its storage is in memory: deadlines live in the workspace database and
/// the schedule is re-derived from it at start-up, so a restart loses nothing (ARCHITECTURE.md, decision 5).
/// On PostgreSQL its storage is the database's <c>hangfire</c> schema (Hangfire.PostgreSql), shared by every
/// node: each job is taken by one node's worker, and recurring jobs fire once per occurrence across nodes.
/// </summary>
public static class JobsServiceCollectionExtensions
{
    public const string DashboardPath = Http.SecurityHeaders.JobsDashboardPath;

    public static IServiceCollection AddWorkspaceJobs(this IServiceCollection services)
    {
        // Each host has its own storage instance, so several hosts in one process (tests) never share jobs.
        services.AddSingleton<JobStorage>(sp =>
        {
            // Hangfire's global configuration (its logging above all) must be in place before storage starts.
            sp.GetRequiredService<IGlobalConfiguration>();
            var database = sp.GetRequiredService<StorageMode>();
            if (database.Provider != DatabaseProvider.PostgreSql)
            {
                return new InMemoryStorage();
            }

            var polling = sp.GetRequiredService<IOptions<JobsOptions>>().Value.SchedulePollingInterval;
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // New jobs are announced with NOTIFY; the poll is the safety net.
                EnableLongPolling = true,
                QueuePollInterval = polling,
                DistributedLockTimeout = TimeSpan.FromSeconds(30),
            };

            // A database that refuses the workspace (missing, wrong role) or cannot be reached stops the node at once
            // with one line saying why (StorageFailure); the storage's own start-up retries, which two nodes preparing
            // its schema together need, would only put that off by half a minute.
            using (var probe = new Npgsql.NpgsqlConnection(database.ConnectionString))
            {
                probe.Open();
            }

            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        });
        services.AddHangfire((sp, configuration) =>
        {
            HangfireLogs.Use(sp.GetRequiredService<ILoggerFactory>());
            configuration
                .UseLogProvider(HangfireLogs.Instance)
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
        });
        services.AddHangfireServer((sp, options) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            // This host's own services for its jobs. The activator AddHangfire registers is the process-wide
            // JobActivator.Current, which names the host configured last: with several hosts in one process (the
            // tests), a job would run in another host's scope, on its database, or fail once that host is disposed.
            options.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
            options.WorkerCount = jobs.WorkerCount;
            options.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });
        services.AddSingleton<TimedSchedule>();
        services.AddSingleton<ILogFollower, TimedWorkFollower>();
        services.AddScoped<TimedJobs>();
        services.AddHostedService<TimedWorkRestorer>();
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs");
        return services;
    }

    public static void MapWorkspaceJobsDashboard(this WebApplication app)
    {
        // The dashboard's own POST handlers read a form and fail on anything else: refuse other bodies first.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath) && HttpMethods.IsPost(context.Request.Method) && !context.Request.HasFormContentType,
            dashboard => dashboard.Run(context => throw new BadHttpRequestException("The jobs dashboard accepts forms only.", StatusCodes.Status415UnsupportedMediaType)));
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new SecretariatOnly()],
            DashboardTitle = "Workspace jobs",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
    }

    /// <summary>The dashboard is the secretariat's: 401 for anyone not signed in, 403 for everyone else.</summary>
    private sealed class SecretariatOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Secretariat);
    }
}
