using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;

namespace Workspace.Server.Data;

/// <summary>
/// Before the server takes requests: applies pending migrations, makes sure the roles exist, and seeds the
/// demo group into an empty database when <c>Seed:Demo</c> is on.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes, IOptions<SeedOptions> seed, IOptions<BootstrapOptions> bootstrap, IOptions<GroupOptions> group,
    ILogger<DatabaseInitializer> logger)
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
            db.Agencies.Add(Domain.Agency.Register(code, bootstrap.Value.SecretariatAgencyName));
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
