using System.Collections.Concurrent;

namespace DataTier.Cache.Replication;

/// <summary>The cache replicas active on this silo, by key: for the rebalancer, and for promotion through <see cref="ICacheReplicaLocatorGrain"/>.</summary>
public sealed class LocalCacheReplicas
{
    private readonly ConcurrentDictionary<string, LocalReplica> _active = new();

    public void Add(string key, LocalReplica replica) => _active[key] = replica;

    public void Remove(string key, LocalReplica replica) => _active.TryRemove(KeyValuePair.Create(key, replica));

    public LocalReplica? Find(string key) => _active.GetValueOrDefault(key);

    public IReadOnlyList<KeyValuePair<string, LocalReplica>> Snapshot() => [.. _active];
}
