using System.Net;
using System.Net.Sockets;

namespace Workspace.Server.Pipeline;

/// <summary>
/// Who a client is, for limits: its address as the configured proxies forwarded it, and for IPv6 its /64
/// network, since one subscriber holds a whole /64 and could otherwise take a fresh address per request.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext? http)
    {
        var address = http?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
