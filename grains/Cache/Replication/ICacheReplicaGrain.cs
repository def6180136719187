using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Replication;

/// <summary>
/// A read replica of a cache shard, keyed by <see cref="Placement.ReplicaKey"/> (the shard's ring
/// key and the replica's number) and placed on the ring's next distinct silos after the shard's owner.
/// </summary>
public interface ICacheReplicaGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch from the owner; not applied when it does not follow what this replica has (the owner then sends a full copy).</summary>
    Task<ReplicaAck> Apply(ReplicaBatch batch);

    /// <summary>Runs read-only commands; null while the replica has had no copy yet (read from the owner instead).</summary>
    Task<CacheReply[]?> Read(ShardCommand[] commands);

    Task<ReplicaState> GetState();

    /// <summary>Every live key, for a new owner taking over after its predecessor's silo died.</summary>
    Task<List<EntrySnapshot>> Export();

    /// <summary>Moves the replica, with its keys, to <paramref name="target"/>, or else to its place on the ring.</summary>
    Task Rebalance(SiloAddress? target = null);
}
