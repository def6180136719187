using System.Collections.Concurrent;

namespace DataTier.Cache.Replication;

/// <summary>The cache replicas active on this silo, by key: for the rebalancer and the hand-off, and for promotion through <see cref="ICacheReplicaLocatorGrain"/>.</summary>
public sealed class LocalCacheReplicas
{
    private readonly ConcurrentDictionary<string, LocalReplica> _active = new();
    private readonly Memory.EmptySignal _empty = new();

    public int Count => _active.Count;

    public void Add(string key, LocalReplica replica) => _active[key] = replica;

    public void Remove(string key, LocalReplica replica)
    {
        _active.TryRemove(KeyValuePair.Create(key, replica));
        _empty.Removed(_active.IsEmpty);
    }

    /// <summary>Completes once no replica is active here (a shutting-down silo waits for its replicas' hand-off with it).</summary>
    public Task WhenEmpty() => _empty.WhenEmpty(() => _active.IsEmpty);

    public LocalReplica? Find(string key) => _active.GetValueOrDefault(key);

    public IReadOnlyList<KeyValuePair<string, LocalReplica>> Snapshot() => [.. _active];
}
