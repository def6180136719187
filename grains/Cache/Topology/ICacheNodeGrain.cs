namespace DataTier.Cache.Topology;

/// <summary>One per silo, keyed by the silo's address: the RESP endpoint that silo announces to cluster clients.</summary>
public interface ICacheNodeGrain : IGrainWithStringKey
{
    /// <summary>The silo's node, or null when it serves no RESP endpoint (or the grain stands for a silo that has gone).</summary>
    Task<CacheNode?> Describe();
}
