namespace DataTier.Cache.Topology;

/// <summary>
/// A silo as a Redis Cluster node: its node ID (40 hex digits, as Redis' are), the RESP address and port it
/// announces to clients, and its bus port (the silo-to-silo port, shown in CLUSTER NODES where Redis shows its
/// cluster bus).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CacheNode(
    [property: Id(0)] string Id,
    [property: Id(1)] string Host,
    [property: Id(2)] int Port,
    [property: Id(3)] int BusPort);
