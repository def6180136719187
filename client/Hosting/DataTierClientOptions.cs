using System.Net;

namespace DataTier.Client.Hosting;

/// <summary>How a service reaches the cluster (section <c>DataTier</c>).</summary>
public sealed class DataTierClientOptions
{
    /// <summary>Orleans gateway endpoints of the silos, as host:port.</summary>
    public List<string> Gateways { get; set; } = ["127.0.0.1:30000"];

    public string ClusterId { get; set; } = "dev";

    /// <summary>
    /// Find the gateways in the silos' DynamoDB membership table (section <c>DataTier:DynamoDbClustering</c>:
    /// ServiceUrl, Region, TablePrefix, ...) instead of the fixed <see cref="Gateways"/> list.
    /// </summary>
    public DataTier.Membership.DynamoDbClusteringOptions? DynamoDbClustering { get; set; }

    /// <summary>
    /// Find the gateways in the silos' Redis membership table (section <c>DataTier:RedisClustering</c>:
    /// ConnectionString) instead of the fixed <see cref="Gateways"/> list.
    /// </summary>
    public RedisMembershipOptions? RedisClustering { get; set; }

    public string ServiceId { get; set; } = "datatier";

    internal IEnumerable<IPEndPoint> GatewayEndPoints() => Gateways.Select(g =>
    {
        var colon = g.LastIndexOf(':');
        var host = g[..colon];
        var port = int.Parse(g[(colon + 1)..]);
        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First();
        return new IPEndPoint(address, port);
    });
}
