using System.Net;
using System.Security.Cryptography;
using System.Text;
using DataTier.Cache.Topology;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Resp;

/// <summary>
/// This silo as a cluster node: the RESP address and port to announce (configured, or the bound ones), a node ID
/// derived from the silo's address and generation (so a restarted silo is a new node, as a Redis node with a new
/// nodes.conf is), and the silo port as its bus port.
/// </summary>
// The listener is looked up when asked, not injected: the listener's sessions depend on this (through RespServices).
public sealed class RespNodeEndpoint(IServiceProvider services, IOptions<RespEndpointOptions> options, ILocalSiloDetails silo) : ICacheNodeEndpoint
{
    private readonly string _id = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(silo.SiloAddress.ToParsableString())));

    public string Id => _id;

    public CacheNode? Describe()
    {
        var port = options.Value.AnnouncePort ?? services.GetRequiredService<RespListener>().BoundPort;
        if (port <= 0) return null;
        return new CacheNode(_id, Host(), port, silo.SiloAddress.Endpoint.Port);
    }

    private string Host()
    {
        var o = options.Value;
        if (o.AnnounceAddress is { } announced) return announced;
        var bound = IPAddress.Parse(o.Address);
        return bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) ? silo.SiloAddress.Endpoint.Address.ToString() : o.Address;
    }
}
