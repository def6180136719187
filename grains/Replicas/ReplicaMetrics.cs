using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DataTier.Replicas;

/// <summary>
/// Replica lag per table (meter <c>DataTier</c>, exported at <c>/metrics</c>), the worst of the
/// replicas on this silo: <c>datatier.replica.lag</c> in milliseconds and <c>datatier.replica.lag.records</c>.
/// </summary>
public sealed class ReplicaMetrics
{
    public const string MeterName = "DataTier";

    private readonly ConcurrentDictionary<GrainId, ReplicaLag> _replicas = new();
    private readonly TimeProvider _time;

    public ReplicaMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("datatier.replica.lag", () => Observe(lag => lag.MillisecondsBehind(_time.GetUtcNow().ToUnixTimeMilliseconds())),
            unit: "ms", description: "Milliseconds since the newest change a lagging read replica has applied was written (0 when caught up), worst replica per table");
        meter.CreateObservableGauge("datatier.replica.lag.records", () => Observe(lag => lag.RecordsBehind),
            description: "Change records a read replica has yet to apply, worst replica per table");
    }

    public void Register(GrainId replica, ReplicaLag lag) => _replicas[replica] = lag;

    public void Unregister(GrainId replica) => _replicas.TryRemove(replica, out _);

    private IEnumerable<Measurement<long>> Observe(Func<ReplicaLag, long> value) =>
        _replicas.Values.GroupBy(l => l.Table)
            .Select(g => new Measurement<long>(g.Max(value), new KeyValuePair<string, object?>("table", g.Key)))
            .ToList();
}
