using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Workspace.Server.Http;

/// <summary>The proxies whose forwarded headers are believed (<c>ForwardedHeaders:*</c>); by default the loopback only.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of the reverse proxies in front of the server; unset: the loopback (a setting replaces it, never adds to it).</summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>Networks of them, in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class ForwardedHeadersExtensions
{
    /// <summary>Reads <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the known proxies only; invalid settings refuse the start.</summary>
    public static IServiceCollection AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("ForwardedHeaders").Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies ?? ["127.0.0.1", "::1"])
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
            }
        });
        return services;
    }
}
