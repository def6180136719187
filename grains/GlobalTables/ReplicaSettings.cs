using DataTier.Tables;

namespace DataTier.GlobalTables;

/// <summary>
/// The settings one region's replica of a global table (version 2019.11.21) has of its own, set with UpdateTable's
/// ReplicaUpdates <c>Update</c>: read capacity units for the table and for each global secondary index (while the table
/// is PROVISIONED; writes stay the table's everywhere) or most read request units for each (while it is on demand), and a table class. Null or absent: the table's own.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaSettings
{
    [Id(0)] public long? ReadCapacityOverride { get; init; }

    /// <summary>Read capacity units by global secondary index name.</summary>
    [Id(1)] public IReadOnlyDictionary<string, long> IndexReadOverrides { get; init; } = new Dictionary<string, long>();

    [Id(2)] public TableClass? TableClassOverride { get; init; }

    /// <summary>When <see cref="TableClassOverride"/> was last set.</summary>
    [Id(3)] public DateTimeOffset? TableClassUpdated { get; init; }

    /// <summary>Kept in a region's own settings while it has a class of its own: the table's class in the regions without one.</summary>
    [Id(4)] public TableClass? TableClassElsewhere { get; init; }

    /// <summary>The replica's own most read request units a second while the table is on demand (OnDemandThroughputOverride); -1: none.</summary>
    [Id(5)] public long? MaxReadOverride { get; init; }

    /// <summary>Most read request units a second by global secondary index name, while the table is on demand; -1: none.</summary>
    [Id(6)] public IReadOnlyDictionary<string, long> IndexMaxReadOverrides { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Kept in a region's own settings while it has read units of its own: the table's, which the regions without their own
    /// have and a replica added from here starts from. Null while it has none, and in a description saved before it was kept.
    /// </summary>
    [Id(7)] public long? ReadCapacityElsewhere { get; init; }

    /// <summary>As <see cref="ReadCapacityElsewhere"/>, for the table's most read request units while this region has its own; -1: none.</summary>
    [Id(8)] public long? MaxReadElsewhere { get; init; }

    /// <summary>As <see cref="ReadCapacityElsewhere"/>, by the name of each index that has read units of its own here.</summary>
    [Id(9)] public IReadOnlyDictionary<string, long> IndexReadElsewhere { get; init; } = new Dictionary<string, long>();

    /// <summary>As <see cref="MaxReadElsewhere"/>, by the name of each index that has a maximum of its own here.</summary>
    [Id(10)] public IReadOnlyDictionary<string, long> IndexMaxReadElsewhere { get; init; } = new Dictionary<string, long>();

    public bool IsEmpty => ReadCapacityOverride is null && IndexReadOverrides.Count == 0 && TableClassOverride is null && MaxReadOverride is null
        && IndexMaxReadOverrides.Count == 0;

    /// <summary>These settings as the table's billing mode and indexes allow them: read units of its own only while PROVISIONED, a maximum only on demand.</summary>
    public ReplicaSettings ValidFor(TableDescription table)
    {
        var kept = OnlyIndexes(table.GlobalIndexes.Select(i => i.Name));
        if (table.BillingMode == BillingMode.PAY_PER_REQUEST) return kept.WithoutReadOverrides();
        return kept.MaxReadOverride is null && kept.IndexMaxReadOverrides.Count == 0 ? kept
            : kept with { MaxReadOverride = null, IndexMaxReadOverrides = new Dictionary<string, long>() };
    }

    /// <summary>These settings without the read capacity overrides, which an on-demand table cannot have.</summary>
    public ReplicaSettings WithoutReadOverrides() => ReadCapacityOverride is null && IndexReadOverrides.Count == 0 ? this
        : this with { ReadCapacityOverride = null, IndexReadOverrides = new Dictionary<string, long>() };

    /// <summary>These settings without the overrides of indexes the table no longer has.</summary>
    public ReplicaSettings OnlyIndexes(IEnumerable<string> indexes)
    {
        var kept = indexes.ToHashSet(StringComparer.Ordinal);
        return IndexReadOverrides.Keys.Concat(IndexMaxReadOverrides.Keys).All(kept.Contains) ? this : this with
        {
            IndexReadOverrides = IndexReadOverrides.Where(o => kept.Contains(o.Key)).ToDictionary(StringComparer.Ordinal),
            IndexMaxReadOverrides = IndexMaxReadOverrides.Where(o => kept.Contains(o.Key)).ToDictionary(StringComparer.Ordinal),
        };
    }
}
