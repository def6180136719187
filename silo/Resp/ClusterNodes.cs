using System.Collections.Concurrent;
using DataTier.Cache.Topology;

namespace DataTier.Silo.Resp;

/// <summary>
/// The RESP endpoints the active silos announce, asked of each silo once (through its <see cref="ICacheNodeGrain"/>)
/// and kept while it stays in the cluster. A silo that serves no RESP endpoint, or does not answer, has no node.
/// </summary>
public sealed class ClusterNodes(IGrainFactory grains, RespNodeEndpoint self, ILocalSiloDetails silo, ILogger<ClusterNodes> logger)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<SiloAddress, CacheNode> _known = new();

    public CacheNode? Self => self.Describe();

    /// <summary>The nodes of the given silos (those that have one), asking the silos not known yet.</summary>
    public async Task<IReadOnlyDictionary<SiloAddress, CacheNode>> OfAsync(SiloAddress[] silos)
    {
        foreach (var gone in _known.Keys.Except(silos).ToList()) _known.TryRemove(gone, out _);
        var missing = silos.Where(s => !_known.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            var found = await Task.WhenAll(missing.Select(async s => (Silo: s, Node: await DescribeAsync(s))));
            foreach (var (s, node) in found)
                if (node is not null) _known[s] = node;
        }
        return silos.Where(_known.ContainsKey).ToDictionary(s => s, s => _known[s]);
    }

    private async Task<CacheNode?> DescribeAsync(SiloAddress address)
    {
        if (address.Equals(silo.SiloAddress)) return self.Describe();
        try
        {
            return await grains.GetGrain<ICacheNodeGrain>(address.ToParsableString()).Describe().WaitAsync(AskTimeout);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogDebug(e, "Silo {Silo} did not describe its RESP endpoint", address);
            return null;
        }
    }
}
