using System.Collections.Concurrent;

namespace DataTier.Cache.Replication;

/// <summary>The replicators of the owner shards active on this silo, for the lag metric.</summary>
public sealed class LocalShardReplicators
{
    private readonly ConcurrentDictionary<ShardReplicator, byte> _active = new();

    public void Add(ShardReplicator replicator) => _active[replicator] = 0;

    public void Remove(ShardReplicator replicator) => _active.TryRemove(replicator, out _);

    public IEnumerable<ShardReplicator> Snapshot() => _active.Keys;
}
