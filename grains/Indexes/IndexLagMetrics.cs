using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DataTier.Indexes;

/// <summary>
/// How far global secondary indexes trail their base tables, per table and index, in the meter
/// <c>DataTier</c>: <c>datatier.index.lag.records</c> (change records the feeders on this silo have
/// not applied yet), <c>datatier.index.lag.age</c> (ms since the oldest of them was written) and the
/// histogram <c>datatier.index.apply.delay</c> (ms from a base write to its index entry). Feeders
/// report what they read from the change log; records written since a feeder's last read count
/// from its next prompt (at most <c>Indexes:FeedInterval</c> later).
/// </summary>
public sealed class IndexLagMetrics : IDisposable
{
    public const string MeterName = "DataTier";

    private readonly Meter _meter;
    private readonly TimeProvider _time;
    private readonly Histogram<double> _delay;
    private readonly ConcurrentDictionary<string, FeederLag> _feeders = new(StringComparer.Ordinal);

    public IndexLagMetrics(TimeProvider time, IMeterFactory? meters = null)
    {
        _time = time;
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("datatier.index.lag.records", ObserveRecords, unit: "{record}",
            description: "Change records of the base table not yet applied to the global secondary index");
        _meter.CreateObservableGauge("datatier.index.lag.age", ObserveAge, unit: "ms",
            description: "Age of the oldest change record not yet applied to the global secondary index");
        _delay = _meter.CreateHistogram<double>("datatier.index.apply.delay", unit: "ms",
            description: "Time from a write to the base table to its application in the global secondary index");
    }

    /// <summary>A feeder has <paramref name="records"/> left to apply, the oldest written at <paramref name="oldestCreatedMs"/>.</summary>
    public void Pending(string feeder, string table, string index, long records, long oldestCreatedMs) =>
        _feeders[feeder] = new FeederLag(table, index, records, oldestCreatedMs);

    /// <summary>A feeder applied a record written at <paramref name="createdMs"/>.</summary>
    public void Applied(string table, string index, long createdMs) =>
        _delay.Record(Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds() - createdMs), Tags(table, index));

    /// <summary>A feeder reached the end of its log.</summary>
    public void CaughtUp(string feeder, string table, string index) => _feeders[feeder] = new FeederLag(table, index, 0, 0);

    /// <summary>A feeder left this silo (deactivated).</summary>
    public void Forget(string feeder) => _feeders.TryRemove(feeder, out _);

    private IEnumerable<Measurement<long>> ObserveRecords() =>
        ByIndex().Select(g => new Measurement<long>(g.Sum(f => f.Records), Tags(g.Key.Table, g.Key.Index)));

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return ByIndex().Select(g =>
        {
            var pending = g.Where(f => f.Records > 0).ToList();
            var age = pending.Count == 0 ? 0 : Math.Max(0, now - pending.Min(f => f.OldestCreatedMs));
            return new Measurement<double>(age, Tags(g.Key.Table, g.Key.Index));
        });
    }

    private IEnumerable<IGrouping<(string Table, string Index), FeederLag>> ByIndex() =>
        _feeders.Values.GroupBy(f => (f.Table, f.Index));

    private static KeyValuePair<string, object?>[] Tags(string table, string index) => [new("table", table), new("index", index)];

    public void Dispose() => _meter.Dispose();

    private sealed record FeederLag(string Table, string Index, long Records, long OldestCreatedMs);
}
