using System.Diagnostics.Metrics;
using DataTier.Errors;

namespace DataTier.Throughput;

/// <summary>
/// The read and write capacity of one PROVISIONED table on this silo (its share is set by
/// <see cref="LocalThroughput"/>); a hot partition may use all of it, as DynamoDB's adaptive capacity lets one.
/// </summary>
public sealed class TableThroughput
{
    private readonly Counter<long>? _throttled;
    private readonly KeyValuePair<string, object?> _table;

    /// <summary>The capacity of <paramref name="table"/>; with <paramref name="index"/>, of a global secondary index's hidden table.</summary>
    internal TableThroughput(TimeProvider time, string table, Counter<long>? throttled, bool index)
    {
        Reads = new CapacityBucket(time);
        Writes = new CapacityBucket(time);
        _table = new("table", table);
        _throttled = throttled;
        IsIndex = index;
    }

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
        if (!Reads.TryAdmit()) throw Throttled("read");
    }

    /// <summary>Refuses a write once the table's write capacity is spent; an index's writes (its feed from the base table) never are.</summary>
    public void AdmitWrite()
    {
        if (!IsIndex && !Writes.TryAdmit()) throw Throttled("write");
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
                throw DynamoException.IndexThroughputExceeded();
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
        return IsIndex ? DynamoException.IndexThroughputExceeded() : DynamoException.ThroughputExceeded();
    }
}
