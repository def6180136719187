using System.Diagnostics.Metrics;

namespace DataTier.Cache.Replication;

/// <summary>
/// <c>datatier.cache.replica.lag</c> (meter <c>DataTier</c>): per replica number, the largest lag in
/// milliseconds among the shards this silo owns — how long the oldest change a replica lacks has
/// been waiting. With steady writes it is about one replication round trip; it grows while a replica
/// is unreachable or resyncing. <c>datatier.cache.replica.full_syncs</c> counts the full copies sent
/// (a new replica, or one that fell out of step).
/// </summary>
public sealed class CacheReplicationMetrics
{
    public const string MeterName = "DataTier";

    public CacheReplicationMetrics(IMeterFactory meters, LocalShardReplicators replicators)
    {
        Replicators = replicators;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("datatier.cache.replica.lag", () => Observe(replicators), unit: "ms",
            description: "Largest replication lag of the cache shards this silo owns, by replica number");
        meter.CreateObservableCounter("datatier.cache.replica.full_syncs", () => replicators.FullSyncs,
            description: "Full copies the cache shards owned on this silo sent to their replicas (INFO's sync_full)");
    }

    /// <summary>Where owner shards register their replicators (resolving this creates the instrument).</summary>
    public LocalShardReplicators Replicators { get; }

    private static IEnumerable<Measurement<long>> Observe(LocalShardReplicators replicators)
    {
        var worst = new Dictionary<int, long>();
        foreach (var replicator in replicators.Snapshot())
            foreach (var progress in replicator.Progress())
                worst[progress.Index] = Math.Max(worst.GetValueOrDefault(progress.Index), progress.LagMs);
        foreach (var (index, lag) in worst)
            yield return new Measurement<long>(lag, new KeyValuePair<string, object?>("replica", index));
    }
}
