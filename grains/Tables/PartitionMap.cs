namespace DataTier.Tables;

/// <summary>
/// How a table's 64-bit hash space is cut into partitions. Partition <c>i</c> owns hashes from
/// <c>Starts[i]</c> up to (not including) <c>Starts[i + 1]</c>; the last one owns the rest.
/// The version grows whenever the cut changes, so a client can tell its copy is stale.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartitionMap([property: Id(0)] long Version, [property: Id(1)] ulong[] Starts)
{
    public static PartitionMap Uniform(int partitions)
    {
        if (partitions < 1) throw new ArgumentOutOfRangeException(nameof(partitions));
        var starts = new ulong[partitions];
        var width = ulong.MaxValue / (ulong)partitions + 1;
        for (var i = 0; i < partitions; i++) starts[i] = (ulong)i * width;
        return new PartitionMap(1, starts);
    }

    public int Count => Starts.Length;

    public int PartitionOf(ulong hash)
    {
        var index = Array.BinarySearch(Starts, hash);
        return index >= 0 ? index : ~index - 1;
    }

    public ulong StartOf(int partition) => Starts[partition];

    /// <summary>The last hash the partition owns (inclusive).</summary>
    public ulong EndOf(int partition) => partition + 1 < Starts.Length ? Starts[partition + 1] - 1 : ulong.MaxValue;
}
