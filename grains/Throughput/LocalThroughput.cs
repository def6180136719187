using System.Diagnostics.Metrics;
using DataTier.Configuration;
using DataTier.Tables;
using Microsoft.Extensions.Options;

namespace DataTier.Throughput;

/// <summary>
/// The capacity of the PROVISIONED tables (and of the on-demand tables with maxima) whose partitions serve on this silo. Each partition tells it when
/// it starts or stops serving and when its description changes; every partition of a table here shares one
/// <see cref="TableThroughput"/>, whose rate is the table's units times this silo's share: the larger of the
/// hash space its active partitions own and an even split over the active silos (so one silo alone allows
/// the whole table, even to a single hot partition; see <see cref="ThroughputMembershipWatcher"/>).
/// The writes of a table here are also held to its global secondary indexes' write units times the same share (the
/// entries they feed the indexes). Refused requests are counted in the meter <c>DataTier</c> as <c>datatier.throttled.requests</c>, by
/// <c>table</c> and <c>kind</c> (<c>read</c> or <c>write</c>).
/// </summary>
public sealed class LocalThroughput(IOptions<ThroughputOptions> options, TimeProvider time, IMeterFactory? meters = null)
{
    /// <summary>An on-demand maximum holds one second of unused units: DynamoDB answers requests past it with quick throttles.</summary>
    private const double OnDemandBurstSeconds = 1;

    private readonly Counter<long> _throttled = (meters?.Create(Indexes.IndexLagMetrics.MeterName) ?? new Meter(Indexes.IndexLagMetrics.MeterName))
        .CreateCounter<long>("datatier.throttled.requests", unit: "{request}", description: "Requests refused because a PROVISIONED table's capacity was used up");
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, TableThroughput> _tables = [];
    private int _silos = 1;

    /// <summary>Takes the number of active silos, which sets the even split of every table here.</summary>
    public void SetActiveSilos(int count)
    {
        lock (_gate)
        {
            if (count < 1 || count == _silos) return;
            _silos = count;
            foreach (var throughput in _tables.Values) Configure(throughput);
        }
    }

    /// <summary>
    /// Records that a partition serves <paramref name="table"/> (null: it does not serve) over a hash range, and
    /// gives the capacity its requests are held to: null when the table is not held to any.
    /// </summary>
    public TableThroughput? Track(Guid tableId, int partition, ulong firstHash, ulong lastHash, TableDescription? table)
    {
        if (table is null || !IsEnforced(table))
        {
            Untrack(tableId, partition);
            return null;
        }
        lock (_gate)
        {
            var onDemand = table.BillingMode == BillingMode.PAY_PER_REQUEST;
            if (_tables.TryGetValue(tableId, out var throughput) && throughput.OnDemand != onDemand) throughput = null;
            if (throughput is null) _tables[tableId] = throughput = new TableThroughput(time, table, _throttled, onDemand);
            var units = onDemand ? table.OnDemandThroughput.Units : (table.ReadCapacityUnits, table.WriteCapacityUnits);
            var indexUnits = table.GlobalIndexes.Select(i => (i.Name, onDemand ? i.OnDemandThroughput.Units.Write : i.WriteCapacityUnits)).ToArray();
            var known = throughput.Partitions.TryGetValue(partition, out var range) && range == (firstHash, lastHash);
            if (!known || throughput.Units != units || !throughput.IndexWriteUnits.SequenceEqual(indexUnits))
            {
                throughput.Partitions[partition] = (firstHash, lastHash);
                throughput.Units = units;
                throughput.IndexWriteUnits = indexUnits;
                Configure(throughput);
            }
            return throughput;
        }
    }

    /// <summary>Forgets a partition that stopped serving here; the table's share shrinks by its range.</summary>
    public void Untrack(Guid tableId, int partition)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(tableId, out var throughput) || !throughput.Partitions.Remove(partition)) return;
            if (throughput.Partitions.Count == 0) _tables.Remove(tableId);
            else Configure(throughput);
        }
    }

    /// <summary>The units each user table here consumed since the last call, for the tables that consumed any.</summary>
    public IReadOnlyDictionary<Guid, AutoScaling.ConsumedUnits> TakeConsumption()
    {
        lock (_gate)
        {
            var consumed = new Dictionary<Guid, AutoScaling.ConsumedUnits>();
            foreach (var (id, throughput) in _tables)
            {
                var (read, write) = (throughput.Reads.TakeCharged(), throughput.Writes.TakeCharged());
                if (read > 0 || write > 0) consumed[id] = new AutoScaling.ConsumedUnits(read, write);
            }
            return consumed;
        }
    }

    /// <summary>The capacity of a table here, if it is held to one.</summary>
    public TableThroughput? Of(Guid tableId)
    {
        lock (_gate) return _tables.GetValueOrDefault(tableId);
    }

    private void Configure(TableThroughput throughput)
    {
        var share = Math.Min(1, Math.Max(throughput.Share, 1.0 / _silos));
        var burst = throughput.OnDemand ? OnDemandBurstSeconds : options.Value.BurstSeconds;
        throughput.Reads.Configure(throughput.Units.Read * share, burst);
        throughput.Writes.Configure(throughput.Units.Write * share, burst);
        var indexes = new Dictionary<string, CapacityBucket>(StringComparer.Ordinal);
        foreach (var (index, units) in throughput.IndexWriteUnits)
        {
            if (units <= 0) continue;
            var bucket = throughput.IndexWrites.GetValueOrDefault(index) ?? new CapacityBucket(time);
            bucket.Configure(units * share, burst);
            indexes[index] = bucket;
        }
        throughput.IndexWrites = indexes;
    }

    /// <summary>
    /// PROVISIONED tables, on-demand tables with a maximum (OnDemandThroughput) of their own or of an index, and their global
    /// indexes' hidden tables (reads only), while enforcement is on.
    /// </summary>
    private bool IsEnforced(TableDescription table) =>
        options.Value.Enforce && (table.BillingMode == BillingMode.PROVISIONED
            ? table.ReadCapacityUnits > 0 || table.WriteCapacityUnits > 0
            : !table.OnDemandThroughput.IsNone || table.GlobalIndexes.Any(i => i.OnDemandThroughput.MaxWriteRequestUnits is not null));
}
