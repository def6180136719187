using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Memory;

/// <summary>
/// Frees memory when the silo's shards are over the limit, by the configured policy: each victim is
/// the best of a few keys sampled from random local shards (weighted by their key counts), as
/// Redis samples <c>maxmemory-samples</c> keys. Takes one shard's gate at a time, so the caller must
/// hold none.
/// </summary>
public sealed class CacheEvictor(CacheMemoryBudget budget, LocalCacheShards shards, TimeProvider time, DatasetHold? hold = null)
{
    private const int MaxEvictionsPerCall = 10_000;

    /// <summary>Evicts until under the limit; false when it cannot (noeviction, or nothing evictable).</summary>
    public bool MakeRoom()
    {
        if (!budget.OverLimit) return true;
        // A paused Redis node neither evicts nor refuses a command for memory (its writers wait anyway).
        if (hold is { Active: true }) return true;
        var policy = budget.Policy;
        if (policy == EvictionPolicy.NoEviction) return false;
        var volatileOnly = EvictionPolicyNames.IsVolatile(policy);
        var local = shards.Snapshot().Where(s => !s.Keyspace.Closed).ToArray();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var n = 0; n < MaxEvictionsPerCall && budget.OverLimit; n++)
        {
            if (!EvictOne(local, policy, volatileOnly, now)) return false;
        }
        return !budget.OverLimit;
    }

    private bool EvictOne(LocalShard[] local, EvictionPolicy policy, bool volatileOnly, long now)
    {
        CacheKeyspace? bestShard = null;
        CacheEntry? best = null;
        double bestScore = double.MinValue;
        var samples = policy is EvictionPolicy.AllKeysRandom or EvictionPolicy.VolatileRandom ? 1 : budget.Samples;
        for (var i = 0; i < samples; i++)
        {
            var shard = PickShard(local, volatileOnly);
            if (shard is null) break;
            lock (shard.Gate)
            {
                if (shard.Closed) continue;
                shard.Now = now;
                var entry = shard.RandomEntry(volatileOnly);
                if (entry is null) continue;
                var score = policy switch
                {
                    EvictionPolicy.AllKeysLru or EvictionPolicy.VolatileLru => now - entry.LastAccess,
                    EvictionPolicy.AllKeysLfu or EvictionPolicy.VolatileLfu => 255 - shard.DecayedFrequency(entry),
                    EvictionPolicy.VolatileTtl => -(double)entry.ExpiresAt,
                    _ => 0,
                };
                if (best is null || score > bestScore)
                {
                    best = entry;
                    bestShard = shard;
                    bestScore = score;
                }
            }
        }
        if (best is null || bestShard is null) return false;
        lock (bestShard.Gate)
        {
            if (bestShard.Closed) return true;
            if (bestShard.Find(best.Key) is { } current && ReferenceEquals(current, best))
            {
                bestShard.Remove(best);
                bestShard.Counters.EvictedKeys++;
                bestShard.Notify(Notifications.KeyspaceEventTypes.Evicted, "evicted", best.Key);
            }
        }
        return true;
    }

    private static CacheKeyspace? PickShard(LocalShard[] local, bool volatileOnly)
    {
        long total = 0;
        foreach (var s in local) total += volatileOnly ? s.Keyspace.VolatileCount : s.Keyspace.Count;
        if (total == 0) return null;
        var r = Random.Shared.NextInt64(total);
        foreach (var s in local)
        {
            r -= volatileOnly ? s.Keyspace.VolatileCount : s.Keyspace.Count;
            if (r < 0) return s.Keyspace;
        }
        return null;
    }
}
