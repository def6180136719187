using System.Collections.Concurrent;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Memory;

/// <summary>The cache shards active on this silo: for the rebalancer, the evictor, the expiry sweep and the RESP sessions' local fast path.</summary>
public sealed class LocalCacheShards
{
    private readonly ConcurrentDictionary<int, LocalShard> _active = new();
    private readonly EmptySignal _empty = new();

    /// <summary>Raised when a shard grain leaves this silo (deactivated, or migrated elsewhere).</summary>
    public event Action<GrainId>? Removed;

    public int Count => _active.Count;

    public void Add(LocalShard shard) => _active[shard.Index] = shard;

    public void Remove(int index, CacheKeyspace keyspace)
    {
        if (_active.TryGetValue(index, out var current) && ReferenceEquals(current.Keyspace, keyspace)
            && _active.TryRemove(KeyValuePair.Create(index, current)))
            Removed?.Invoke(current.GrainId);
        _empty.Removed(_active.IsEmpty);
    }

    /// <summary>Completes once no shard is active here (a shutting-down silo waits for its hand-off with it).</summary>
    public Task WhenEmpty() => _empty.WhenEmpty(() => _active.IsEmpty);

    /// <summary>The keyspace of a shard active here and open, if any.</summary>
    public CacheKeyspace? Find(int index) => _active.TryGetValue(index, out var shard) && !shard.Keyspace.Closed ? shard.Keyspace : null;

    public IReadOnlyList<LocalShard> Snapshot() => [.. _active.Values];
}
