using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Workspace.Server.Http;

/// <summary>
/// The address people reach the server at, for links written into answers (calendar-feed addresses, Atom
/// ids and links): <see cref="ApiOptions.PublicUrl"/>, or else the address the server listens on; never
/// the request's Host header, which any client chooses.
/// </summary>
public sealed class PublicUrl(IOptions<ApiOptions> options, IServer server)
{
    /// <summary>The base address, ending with '/'.</summary>
    public Uri Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            {
                return new Uri(options.Value.PublicUrl.TrimEnd('/') + "/");
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            var uri = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "localhost";
            }

            return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}

public static class PublicUrlServiceCollectionExtensions
{
    /// <summary>With a public address configured and AllowedHosts left open, only that host (and loopback) is answered.</summary>
    public static IServiceCollection AddPublicUrl(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PublicUrl>();
        var configured = configuration.GetSection("Api").Get<ApiOptions>()?.PublicUrl;
        var allowed = configuration["AllowedHosts"];
        if (Uri.TryCreate(configured, UriKind.Absolute, out var publicUrl) && (string.IsNullOrEmpty(allowed) || allowed == "*"))
        {
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [publicUrl.Host, "localhost", "127.0.0.1", "[::1]"]);
        }

        return services;
    }
}
