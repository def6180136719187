using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// What UpdateGlobalTableSettings changes of one region's replica (version 2017.11.29), null where unchanged: the billing mode,
/// write capacity and its auto scaling (the same for every region), read capacity and its auto scaling (the region's own), the
/// same of each global secondary index, and the table class.
/// </summary>
public sealed record TableSettingsChange
{
    public BillingMode? BillingMode { get; init; }

    public long? ReadCapacityUnits { get; init; }

    public AutoScalingUpdate? ReadAutoScaling { get; init; }

    public long? WriteCapacityUnits { get; init; }

    public AutoScalingUpdate? WriteAutoScaling { get; init; }

    public IReadOnlyList<IndexSettingsChange> Indexes { get; init; } = [];

    public TableClass? TableClass { get; init; }

    /// <summary>This change (of every region) with the changes of one region's own, <paramref name="replica"/>.</summary>
    public TableSettingsChange With(TableSettingsChange? replica)
    {
        if (replica is null) return this;
        var indexes = Indexes.Select(i => i.IndexName).Concat(replica.Indexes.Select(i => i.IndexName)).Distinct(StringComparer.Ordinal)
            .Select(name => (Global: Indexes.FirstOrDefault(i => i.IndexName == name), Own: replica.Indexes.FirstOrDefault(i => i.IndexName == name)))
            .Select(pair => new IndexSettingsChange(pair.Global?.IndexName ?? pair.Own!.IndexName)
            {
                WriteCapacityUnits = pair.Global?.WriteCapacityUnits,
                WriteAutoScaling = pair.Global?.WriteAutoScaling,
                ReadCapacityUnits = pair.Own?.ReadCapacityUnits,
                ReadAutoScaling = pair.Own?.ReadAutoScaling,
            }).ToList();
        return this with
        {
            ReadCapacityUnits = replica.ReadCapacityUnits,
            ReadAutoScaling = replica.ReadAutoScaling,
            Indexes = indexes,
            TableClass = replica.TableClass,
        };
    }
}
