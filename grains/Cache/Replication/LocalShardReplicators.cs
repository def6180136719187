using System.Collections.Concurrent;

namespace DataTier.Cache.Replication;

/// <summary>The replicators of the owner shards active on this silo, for the lag metric, and the full copies they sent.</summary>
public sealed class LocalShardReplicators
{
    private readonly ConcurrentDictionary<ShardReplicator, byte> _active = new();
    private long _fullSyncs;

    /// <summary>Full copies the shards owned here have sent to replicas that took them (INFO's <c>sync_full</c>).</summary>
    public long FullSyncs => Interlocked.Read(ref _fullSyncs);

    public void Add(ShardReplicator replicator) => _active[replicator] = 0;

    public void Remove(ShardReplicator replicator) => _active.TryRemove(replicator, out _);

    public IEnumerable<ShardReplicator> Snapshot() => _active.Keys;

    public void CountFullSync() => Interlocked.Increment(ref _fullSyncs);
}
