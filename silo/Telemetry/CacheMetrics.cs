using System.Diagnostics.Metrics;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;

namespace DataTier.Silo.Telemetry;

/// <summary>
/// The cache shards on this silo (meter <c>DataTier</c>): memory, keys, and the hits, misses, expirations
/// and evictions INFO stats reports. Those four are each shard's totals since it was created, summed
/// over the shards hosted here; a shard carries them when it moves, so a silo's sum can also fall.
/// </summary>
public sealed class CacheMetrics
{
    public CacheMetrics(IMeterFactory meters, LocalCacheShards shards, CacheMemoryBudget budget)
    {
        var meter = meters.Create(EndpointMetrics.MeterName);
        meter.CreateObservableGauge("datatier.cache.memory.used", () => budget.Used, unit: "By", description: "Bytes of cached data on this silo");
        meter.CreateObservableGauge("datatier.cache.memory.limit", () => budget.MaxMemory, unit: "By", description: "Cache:MaxMemory of this silo (0: no limit)");
        meter.CreateObservableGauge("datatier.cache.shards.local", () => shards.Snapshot().Count, description: "Cache shards active on this silo");
        meter.CreateObservableGauge("datatier.cache.keys", () => Sum(shards, s => s.Keyspace.Count), description: "Keys in the cache shards on this silo");
        meter.CreateObservableUpDownCounter("datatier.cache.hits", () => SumCounters(shards, c => c.Hits), description: "Key lookups that found the key (keyspace_hits)");
        meter.CreateObservableUpDownCounter("datatier.cache.misses", () => SumCounters(shards, c => c.Misses), description: "Key lookups that did not (keyspace_misses)");
        meter.CreateObservableUpDownCounter("datatier.cache.expirations", () => SumCounters(shards, c => c.ExpiredKeys), description: "Keys removed because they expired (expired_keys)");
        meter.CreateObservableUpDownCounter("datatier.cache.evictions", () => SumCounters(shards, c => c.EvictedKeys), description: "Keys evicted for memory (evicted_keys)");
    }

    private static long Sum(LocalCacheShards shards, Func<LocalShard, long> value) => shards.Snapshot().Sum(value);

    private static long SumCounters(LocalCacheShards shards, Func<ShardCounters, long> value) => Sum(shards, s => value(s.Keyspace.Counters));
}
