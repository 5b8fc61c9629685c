using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;

namespace Workspace.Server.Data;

/// <summary>
/// Before the server takes requests: applies pending migrations, makes sure the roles exist, and seeds the
/// demo group into an empty database when <c>Seed:Demo</c> is on.
/// </summary>
internal sealed partial class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<SeedOptions> seed, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Not seeding the demo group: Seed:Demo is on but no Seed:DemoPassword is configured. " +
        "Set Seed__DemoPassword to the password the demo sign-ins should have, or Seed__Demo=false.")]
    private static partial void RefusedToSeed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo group into an empty database.")]
    private static partial void Seeded(ILogger logger);
}
