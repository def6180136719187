using System.Diagnostics.Metrics;
using DataTier.Partitions;

namespace DataTier.Silo.Telemetry;

/// <summary>
/// The partitions on this silo (meter <c>DataTier</c>): how many are active, and the items and bytes of
/// each one that has counted them (a partition counts when DescribeTable first asks, then keeps the
/// figures current with every write, and carries them when it moves).
/// </summary>
public sealed class PartitionMetrics
{
    public PartitionMetrics(IMeterFactory meters, LocalPartitions partitions)
    {
        var meter = meters.Create(EndpointMetrics.MeterName);
        meter.CreateObservableGauge("datatier.partitions.local", () => partitions.Snapshot().Count,
            description: "Partition grains active on this silo");
        meter.CreateObservableGauge("datatier.partition.items", () => Each(partitions, s => s.ItemCount),
            description: "Items in each partition on this silo that has counted them");
        meter.CreateObservableGauge("datatier.partition.bytes", () => Each(partitions, s => s.SizeBytes), unit: "By",
            description: "Size of the items in each partition on this silo that has counted them, by DynamoDB's size rules");
    }

    private static IEnumerable<Measurement<long>> Each(LocalPartitions partitions, Func<PartitionStats, long> value) =>
        partitions.Stats().Select(p => new Measurement<long>(value(p.Stats),
            new KeyValuePair<string, object?>("table", p.Table), new KeyValuePair<string, object?>("partition", p.Partition)));
}
