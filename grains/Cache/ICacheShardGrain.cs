using DataTier.Cache.Keyspace;
using Orleans.Concurrency;

namespace DataTier.Cache;

/// <summary>
/// One slot range of the cache (see <see cref="CacheSlots"/>), keyed by its index: holds the keys of
/// those slots in memory and runs commands on them, a batch per call, in order.
/// </summary>
public interface ICacheShardGrain : IGrainWithIntegerKey
{
    /// <summary>Runs the commands in order and returns their replies in the same order.</summary>
    Task<CacheReply[]> Execute(ShardCommand[] commands);

    /// <summary>Runs the commands as <see cref="Execute"/> does, and tells the replication sequence number that covers their changes (for WAIT).</summary>
    Task<Replication.ShardExecution> ExecuteNoting(ShardCommand[] commands);

    /// <summary>
    /// How many of the shard's replicas have acknowledged <paramref name="seq"/> (-1: every change made so far), once
    /// <paramref name="needed"/> have or <paramref name="wait"/> has passed. Interleaves: it waits beside the shard's
    /// other calls, never holding them.
    /// </summary>
    [AlwaysInterleave]
    Task<int> AwaitReplicas(long seq, int needed, TimeSpan wait);

    /// <summary>A key's value and expiry, or null (for RENAME across shards).</summary>
    Task<EntrySnapshot?> Export(byte[] key);

    /// <summary>
    /// Stores a value under the snapshot's key, replacing any (unless <paramref name="onlyIfAbsent"/>); false when it was
    /// not stored. <paramref name="notify"/> names the keyspace event the store raises (copy_to, rename_to, sunionstore, ...).
    /// </summary>
    Task<bool> Import(EntrySnapshot snapshot, bool onlyIfAbsent, string? notify = null, string? origin = null);

    /// <summary>Writes the shard's keys to its snapshot in the durable store; returns how many.</summary>
    Task<long> Save();

    /// <summary>Counters, key counts and memory of this shard, for INFO.</summary>
    Task<ShardInfo> GetInfo();

    /// <summary>Whether this activation's keys came by the migration that carried <paramref name="token"/> (see <see cref="Rebalancing.ParkedShards"/>).</summary>
    Task<bool> HasArrived(Guid token);

    /// <summary>Takes the keys a migration with <paramref name="token"/> failed to deliver, where the shard has none newer; returns how many it took.</summary>
    Task<int> Restore(Guid token, List<EntrySnapshot> entries);

    /// <summary>Moves the shard, with its keys, to its owner on the ring, or to <paramref name="target"/>.</summary>
    Task Rebalance(SiloAddress? target = null);
}
