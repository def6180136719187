namespace DataTier.Cache.Topology;

/// <summary>This silo's RESP endpoint as cluster clients are to reach it; registered by the silo that serves RESP.</summary>
public interface ICacheNodeEndpoint
{
    /// <summary>The node, or null while the endpoint is not listening.</summary>
    CacheNode? Describe();
}
