using System.Diagnostics.Metrics;
using DataTier.Errors;

namespace DataTier.Throughput;

/// <summary>
/// The read and write capacity of one PROVISIONED table (or an on-demand table's maxima) on this silo (its share is set by
/// <see cref="LocalThroughput"/>); a hot partition may use all of it, as DynamoDB's adaptive capacity lets one.
/// </summary>
public sealed class TableThroughput
{
    private readonly Counter<long>? _throttled;
    private readonly KeyValuePair<string, object?> _table;

    /// <summary>
    /// The capacity of <paramref name="table"/> (a global secondary index's hidden table is held for reads only): its
    /// provisioned units, or with <paramref name="onDemand"/> its maxima.
    /// </summary>
    internal TableThroughput(TimeProvider time, Tables.TableDescription table, Counter<long>? throttled, bool onDemand)
    {
        Reads = new CapacityBucket(time);
        Writes = new CapacityBucket(time);
        _table = new("table", table.Name);
        _throttled = throttled;
        IsIndex = table.BaseTableName is not null;
        OnDemand = onDemand;
        // A hidden index table's name is TABLE/index/INDEX, so its ARN is the index's.
        _arn = table.Arn;
    }

    private readonly string _arn;

    /// <summary>Whether the units are an on-demand table's maxima (a dimension without one, 0 units, is not held).</summary>
    internal bool OnDemand { get; }

    /// <summary>Whether this is a global secondary index's hidden table (held for reads only, never auto scaled).</summary>
    internal bool IsIndex { get; }

    public CapacityBucket Reads { get; }

    public CapacityBucket Writes { get; }

    /// <summary>
    /// The write capacity of the table's global secondary indexes here, by index name: each index's units times this
    /// silo's share of the table, for the entries the writes made here feed it (replaced whole when it changes).
    /// </summary>
    internal IReadOnlyDictionary<string, CapacityBucket> IndexWrites { get; set; } = new Dictionary<string, CapacityBucket>();

    internal (string Index, long Units)[] IndexWriteUnits { get; set; } = [];

    /// <summary>The hash ranges of the table's partitions serving on this silo, by partition id.</summary>
    internal Dictionary<int, (ulong First, ulong Last)> Partitions { get; } = [];

    internal (long Read, long Write) Units { get; set; }

    /// <summary>The share of the table's hash space the active partitions here own, from 0 to 1.</summary>
    internal double Share => Partitions.Values.Sum(r => ((double)(r.Last - r.First) + 1) / 18446744073709551616.0);

    public void AdmitRead()
    {
        if ((!OnDemand || Units.Read > 0) && !Reads.TryAdmit()) throw Throttled("read");
    }

    /// <summary>Refuses a write once the table's write capacity is spent; an index's writes (its feed from the base table) never are.</summary>
    public void AdmitWrite()
    {
        if (!IsIndex && (!OnDemand || Units.Write > 0) && !Writes.TryAdmit()) throw Throttled("write");
    }

    /// <summary>
    /// Refuses a write that would write to a global secondary index whose write capacity is spent, as DynamoDB throttles
    /// the base table's writes an under-provisioned index cannot take; <paramref name="units"/> are the write's by index.
    /// </summary>
    public void AdmitIndexWrites(IReadOnlyDictionary<string, double> units)
    {
        var buckets = IndexWrites;
        foreach (var (index, cost) in units)
            if (cost > 0 && buckets.TryGetValue(index, out var bucket) && !bucket.TryAdmit())
            {
                _throttled?.Add(1, _table, new("kind", "write"));
                throw OnDemand ? DynamoException.MaxOnDemandThroughputExceeded("IndexWrite", $"{_arn}/index/{index}") : DynamoException.IndexThroughputExceeded();
            }
    }

    public void ChargeIndexWrites(IReadOnlyDictionary<string, double> units, int factor = 1)
    {
        var buckets = IndexWrites;
        foreach (var (index, cost) in units)
            if (cost > 0 && buckets.TryGetValue(index, out var bucket)) bucket.Charge(factor * cost);
    }

    private DynamoException Throttled(string kind)
    {
        _throttled?.Add(1, _table, new("kind", kind));
        if (OnDemand) return DynamoException.MaxOnDemandThroughputExceeded((IsIndex ? "Index" : "Table") + (kind == "read" ? "Read" : "Write"), _arn);
        return IsIndex ? DynamoException.IndexThroughputExceeded() : DynamoException.ThroughputExceeded();
    }
}
