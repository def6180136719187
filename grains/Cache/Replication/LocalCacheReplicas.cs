using System.Collections.Concurrent;

namespace DataTier.Cache.Replication;

/// <summary>The cache replicas active on this silo, by key, for the rebalancer.</summary>
public sealed class LocalCacheReplicas
{
    private readonly ConcurrentDictionary<string, ICacheReplicaGrain> _active = new();

    public void Add(string key, ICacheReplicaGrain grain) => _active[key] = grain;

    public void Remove(string key) => _active.TryRemove(key, out _);

    public IReadOnlyList<KeyValuePair<string, ICacheReplicaGrain>> Snapshot() => [.. _active];
}
