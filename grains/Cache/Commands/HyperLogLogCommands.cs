using DataTier.Cache.Hll;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>PFADD, PFCOUNT and PFMERGE on HyperLogLog strings laid out as Redis 7.0 lays them out, with its replies and errors.</summary>
public static class HyperLogLogCommands
{
    public static readonly CacheReply NotHyperLogLog = CacheReply.Error("WRONGTYPE Key is not a valid HyperLogLog string value.");
    public static readonly CacheReply Corrupted = CacheReply.Error("INVALIDOBJ Corrupted HLL object detected");

    private static CacheReply? Check(object value) =>
        value is not byte[] bytes ? CacheErrors.WrongType : HllLayout.IsValid(bytes) ? null : NotHyperLogLog;

    private static void Store(CacheKeyspace ks, byte[] key, CacheEntry? entry, byte[] value) => ks.SetRawString(key, entry, value);

    /// <summary>PFADD key [element ...]: 1 when a register changed or the key was created.</summary>
    public static CacheReply Add(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Write(a[1]);
        if (entry is not null && Check(entry.Value) is { } invalid) return invalid;
        var hll = new HyperLogLog(entry?.Value as byte[] ?? HllLayout.Empty(), ks.Budget.HllSparseMaxBytes);
        var updated = entry is null;
        for (var i = 2; i < a.Length; i++)
        {
            var outcome = hll.Add(a[i]);
            if (outcome == HllSparse.Outcome.Corrupted)
            {
                // Redis changes the value in place: what the elements before did stays.
                if (updated) Store(ks, a[1], entry, hll.ToArray());
                return Corrupted;
            }
            updated |= outcome == HllSparse.Outcome.Updated;
        }
        if (!updated) return CacheReply.Zero;
        hll.Invalidate();
        Store(ks, a[1], entry, hll.ToArray());
        ks.StringEvent("pfadd", a[1]);
        return CacheReply.One;
    }

    /// <summary>PFCOUNT key [key ...]: one key's cardinality (cached in its header), or the union's of several, which changes none.</summary>
    public static CacheReply Count(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length > 2)
        {
            if (Union(a[1..].Select(k => ks.Read(k)?.Value), out var max, out _) is { } error) return error;
            return CacheReply.Int((long)HyperLogLog.EstimateRaw(max));
        }
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.Zero;
        if (Check(entry.Value) is { } invalid) return invalid;
        if (HyperLogLog.Cardinality((byte[])entry.Value, out var computed) is not { } cardinality) return Corrupted;
        if (computed is not null)
        {
            entry.Value = computed;
            ks.Resize(entry);
        }
        return CacheReply.Int((long)cardinality);
    }

    /// <summary>PFMERGE destkey [sourcekey ...]: the destination (itself one of the sources) holds the union, dense when any source is.</summary>
    public static CacheReply Merge(CacheKeyspace ks, byte[][] a)
    {
        if (Union(a[1..].Select(k => ks.Read(k)?.Value), out var max, out var dense) is { } error) return error;
        var entry = ks.Write(a[1]);
        if (MergeResult(entry?.Value as byte[], max, dense, ks.Budget.HllSparseMaxBytes, out var result) is { } corrupted) return corrupted;
        Store(ks, a[1], entry, result);
        ks.StringEvent("pfadd", a[1]);
        return CacheReply.Ok;
    }

    /// <summary>
    /// The registers' maximum over the keys' values, in key order (null: absent, an empty HLL; a byte[]: a string;
    /// anything else: another type); the first invalid value's error. <paramref name="dense"/>: some value is dense.
    /// </summary>
    public static CacheReply? Union(IEnumerable<object?> values, out byte[] max, out bool dense)
    {
        max = new byte[HllLayout.Registers];
        dense = false;
        foreach (var value in values)
        {
            if (value is null) continue;
            if (Check(value) is { } invalid) return invalid;
            var bytes = (byte[])value;
            dense |= HllLayout.IsDense(bytes);
            if (!HyperLogLog.MergeInto(bytes, max)) return Corrupted;
        }
        return null;
    }

    /// <summary>PFMERGE's new destination value: the old one (or an empty HLL), dense if asked, each register raised to the union's.</summary>
    public static CacheReply? MergeResult(byte[]? destination, byte[] max, bool dense, long sparseMaxBytes, out byte[] result)
    {
        result = [];
        var hll = new HyperLogLog(destination ?? HllLayout.Empty(), sparseMaxBytes);
        if (dense && !hll.ToDense()) return Corrupted;
        for (var i = 0; i < max.Length; i++)
            if (max[i] != 0) hll.Raise(i, max[i]);
        hll.Invalidate();
        result = hll.ToArray();
        return null;
    }
}
