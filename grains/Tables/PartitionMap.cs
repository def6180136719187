namespace DataTier.Tables;

/// <summary>
/// How a table's 64-bit hash space is cut into partitions. The partition at index <c>i</c> owns hashes
/// from <c>Starts[i]</c> up to (not including) <c>Starts[i + 1]</c>; the last one owns the rest.
/// Each partition has a stable id (<see cref="IdAt"/>) that names its grain, change logs and stream
/// shard; a uniform map's ids are its indexes, and a split retires a partition for two children with
/// fresh ids (<see cref="Splits"/> keeps the history). The version grows whenever the cut changes,
/// so a client can tell its copy is stale.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartitionMap(
    [property: Id(0)] long Version,
    [property: Id(1)] ulong[] Starts,
    [property: Id(2)] int[]? Ids = null,
    [property: Id(3)] IReadOnlyList<PartitionSplit>? Splits = null)
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

    /// <summary>The index (not the id) of the partition that owns <paramref name="hash"/>.</summary>
    public int PartitionOf(ulong hash)
    {
        var index = Array.BinarySearch(Starts, hash);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The stable id of the partition at <paramref name="index"/>.</summary>
    public int IdAt(int index) => Ids is null ? index : Ids[index];

    /// <summary>The stable id of the partition that owns <paramref name="hash"/>.</summary>
    public int IdOf(ulong hash) => IdAt(PartitionOf(hash));

    public ulong StartOf(int index) => Starts[index];

    /// <summary>The last hash the partition at <paramref name="index"/> owns (inclusive).</summary>
    public ulong EndOf(int index) => index + 1 < Starts.Length ? Starts[index + 1] - 1 : ulong.MaxValue;

    /// <summary>The ids of the current partitions, in hash order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<int> CurrentIds => Enumerable.Range(0, Count).Select(IdAt);

    /// <summary>Every partition id the table has had, current and retired, in the order they were made (parents before children).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<int> AllIds => CurrentIds.Concat((Splits ?? []).Select(s => s.Parent)).Order();

    /// <summary>The index of a current partition; -1 when <paramref name="id"/> is retired or unknown.</summary>
    public int IndexOf(int id) => Ids is null ? (id >= 0 && id < Count ? id : -1) : Array.IndexOf(Ids, id);

    public bool IsRetired(int id) => SplitOf(id) is not null;

    /// <summary>The split that retired partition <paramref name="id"/>; null while it is current.</summary>
    public PartitionSplit? SplitOf(int id) => Splits?.FirstOrDefault(s => s.Parent == id);

    /// <summary>The partition <paramref name="id"/> was split from; null for a partition of the initial map.</summary>
    public int? ParentOf(int id) => Splits?.FirstOrDefault(s => s.Left == id || s.Right == id)?.Parent;

    /// <summary>The hashes partition <paramref name="id"/> owns or owned; null for an id the map never had.</summary>
    public (ulong First, ulong Last)? RangeOf(int id)
    {
        var index = IndexOf(id);
        if (index >= 0) return (StartOf(index), EndOf(index));
        if (SplitOf(id) is { } split) return (split.First, split.Last);
        return null;
    }

    /// <summary>Whether this map has a partition <paramref name="id"/>, current or retired.</summary>
    public bool Knows(int id) => IndexOf(id) >= 0 || IsRetired(id);

    /// <summary>
    /// The map after splitting the current partition <paramref name="id"/> at <paramref name="cut"/>
    /// (the right child's first hash); the children get the next unused ids.
    /// </summary>
    public PartitionMap Split(int id, ulong cut)
    {
        var index = IndexOf(id);
        if (index < 0) throw new ArgumentException($"Partition {id} is not current", nameof(id));
        var (first, last) = (StartOf(index), EndOf(index));
        if (cut <= first || cut > last) throw new ArgumentOutOfRangeException(nameof(cut), "The cut must fall strictly inside the partition's range");
        var next = AllIds.Max() + 1;
        var ids = CurrentIds.ToList();
        ids[index] = next;
        ids.Insert(index + 1, next + 1);
        var starts = Starts.ToList();
        starts.Insert(index + 1, cut);
        var split = new PartitionSplit(id, first, last, cut, next, next + 1, Version + 1);
        return new PartitionMap(Version + 1, [.. starts], [.. ids], [.. Splits ?? [], split]);
    }
}
