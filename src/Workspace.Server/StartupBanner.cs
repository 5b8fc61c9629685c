using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Workspace.Server.Data;

namespace Workspace.Server;

/// <summary>Tells whoever started the server where it is and, with demo data, how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var seed = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        var lines = new List<string> { "", "Inter-Agency Workspace is running:" };
        lines.AddRange(addresses.Select(a => $"  {a}   (API reference: {a}/api-reference, health: {a}/healthz)"));
        if (seed.Demo && !string.IsNullOrEmpty(seed.DemoPassword))
        {
            lines.Add($"Demo sign-ins: {DemoSeed.SecretariatEmail} (secretariat), focal@<agency code>.demo (e.g. {DemoSeed.FocalPointEmail("ILO")})");
            lines.Add(app.Environment.IsDevelopment()
                ? $"Password: {seed.DemoPassword}"
                : "Password: the value of Seed:DemoPassword");
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
