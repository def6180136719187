using DataTier.Placement;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Replication;

/// <summary>
/// Reads of READONLY clients: each batch of read-only commands for a shard goes to the copy on this silo when
/// there is one (the owner, or a replica), otherwise to the owner or one of its replicas chosen at random, so reads
/// spread over all copies. A replica that has no
/// copy yet, or cannot be reached, passes the batch to the owner. Replicas lag the owner by the
/// replication delay, so such reads may be a little stale (as reads from a Redis replica are).
/// </summary>
public sealed class ReplicaReads(CacheRouter router, IGrainFactory grains, IClusterMembershipService membership, IOptions<CacheOptions> options, LocalCacheReplicas localReplicas)
{
    private readonly ICacheReplicaGrain?[] _replicas = new ICacheReplicaGrain?[CacheSlots.ShardCount * CacheOptions.MaxReplicas];
    private readonly string?[] _replicaKeys = new string?[CacheSlots.ShardCount * CacheOptions.MaxReplicas];
    private long _served;

    /// <summary>Read batches this silo had served by a replica.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>The replicas each shard has now: as configured, but no more than the other active silos.</summary>
    public int Replicas
    {
        get
        {
            var configured = options.Value.Replicas;
            if (configured == 0) return 0;
            var silos = 0;
            foreach (var member in membership.CurrentSnapshot.Members.Values)
                if (member.Status == SiloStatus.Active) silos++;
            return Math.Min(configured, Math.Max(0, silos - 1));
        }
    }

    public async ValueTask<CacheReply[]> Execute(int shard, ShardCommand[] commands)
    {
        var replicas = Replicas;
        var pick = replicas == 0 ? 0 : LocalCopy(shard, replicas) ?? Random.Shared.Next(replicas + 1);
        if (pick > 0)
        {
            try
            {
                if (await Replica(shard, pick).Read(commands) is { } replies)
                {
                    Interlocked.Increment(ref _served);
                    return replies;
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // the owner answers instead
            }
        }
        return await router.Execute(shard, commands);
    }

    /// <summary>
    /// The copy of the shard on this silo, if it has one: 0 for the owner, k for replica k. A cluster client that sent
    /// READONLY to a replica's endpoint is served by that replica without a hop, as by a Redis replica node.
    /// </summary>
    private int? LocalCopy(int shard, int replicas)
    {
        if (router.IsLocal(shard)) return 0;
        for (var k = 1; k <= replicas; k++)
            if (localReplicas.Find(KeyOf(shard, k)) is not null) return k;
        return null;
    }

    /// <summary>Replica k's key, made once per shard and number (it is looked up on every READONLY batch).</summary>
    private string KeyOf(int shard, int k) =>
        _replicaKeys[shard * CacheOptions.MaxReplicas + k - 1] ??= ReplicaKey.For(router.Shard(shard).GetGrainId(), k);

    private ICacheReplicaGrain Replica(int shard, int k) =>
        _replicas[shard * CacheOptions.MaxReplicas + k - 1] ??= grains.GetGrain<ICacheReplicaGrain>(KeyOf(shard, k));
}
