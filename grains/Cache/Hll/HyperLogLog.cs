using System.Runtime.InteropServices;

namespace DataTier.Cache.Hll;

/// <summary>A HyperLogLog string being changed by one command: a copy of its bytes, so a reply already handed out keeps the old value.</summary>
public sealed class HyperLogLog
{
    private readonly List<byte> _bytes;
    private readonly long _sparseMaxBytes;

    /// <param name="sparseMaxBytes">The size past which the sparse form turns dense (hll-sparse-max-bytes).</param>
    public HyperLogLog(ReadOnlySpan<byte> value, long sparseMaxBytes = HllLayout.SparseMaxBytes)
    {
        _bytes = new List<byte>(value.Length);
        _bytes.AddRange(value);
        _sparseMaxBytes = sparseMaxBytes;
    }

    private Span<byte> Bytes => CollectionsMarshal.AsSpan(_bytes);

    public bool IsDense => HllLayout.IsDense(Bytes);

    public byte[] ToArray() => [.. _bytes];

    public void Invalidate() => HllLayout.Invalidate(Bytes);

    /// <summary>Adds an element: Updated when a register grew, Corrupted when the sparse runs are invalid.</summary>
    public HllSparse.Outcome Add(ReadOnlySpan<byte> element)
    {
        var (index, count) = HllHash.Pattern(element);
        return Raise(index, count);
    }

    /// <summary>Raises one register, turning the value dense when the sparse form cannot hold it (too large a count, or beyond hll-sparse-max-bytes).</summary>
    public HllSparse.Outcome Raise(int index, int count)
    {
        if (IsDense) return HllDense.Raise(Bytes[HllLayout.HeaderSize..], index, count) ? HllSparse.Outcome.Updated : HllSparse.Outcome.Unchanged;
        var outcome = HllSparse.Set(_bytes, index, count, _sparseMaxBytes);
        if (outcome != HllSparse.Outcome.NeedsDense) return outcome;
        if (!ToDense()) return HllSparse.Outcome.Corrupted;
        HllDense.Raise(Bytes[HllLayout.HeaderSize..], index, count);
        return HllSparse.Outcome.Updated;
    }

    public bool ToDense() => IsDense || HllSparse.ToDense(_bytes);

    /// <summary>The cached cardinality, or a fresh estimate stored in the header (<paramref name="computed"/>); null when corrupted.</summary>
    public static ulong? Cardinality(byte[] value, out byte[]? computed)
    {
        computed = null;
        if (HllLayout.TryGetCachedCardinality(value, out var cached)) return cached;
        var histogram = new int[64];
        if (!Histogram(value, histogram)) return null;
        var estimate = HllEstimator.Estimate(histogram);
        computed = (byte[])value.Clone();
        HllLayout.SetCachedCardinality(computed, estimate);
        return estimate;
    }

    private static bool Histogram(ReadOnlySpan<byte> value, int[] histogram)
    {
        var registers = value[HllLayout.HeaderSize..];
        if (!HllLayout.IsDense(value)) return HllSparse.Histogram(registers, histogram);
        HllDense.Histogram(registers, histogram);
        return true;
    }

    /// <summary>Takes each register's maximum into <paramref name="max"/> (one byte per register); false when corrupted.</summary>
    public static bool MergeInto(ReadOnlySpan<byte> value, byte[] max)
    {
        var registers = value[HllLayout.HeaderSize..];
        if (!HllLayout.IsDense(value)) return HllSparse.MergeInto(registers, max);
        HllDense.MergeInto(registers, max);
        return true;
    }

    /// <summary>The estimate of a union held as one byte per register.</summary>
    public static ulong EstimateRaw(byte[] max)
    {
        var histogram = new int[64];
        foreach (var register in max) histogram[register]++;
        return HllEstimator.Estimate(histogram);
    }
}
