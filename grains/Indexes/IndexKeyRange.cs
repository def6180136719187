using DataTier.Expressions;
using DataTier.Keys;
using DataTier.Store;

namespace DataTier.Indexes;

/// <summary>The entry positions (see <see cref="IndexKeys"/>) a Query's key condition on an index selects.</summary>
public static class IndexKeyRange
{
    public static KeyRange Of(KeyConditionPlan plan)
    {
        var pk = KeyBytes.Of(plan.PartitionValue);
        var prefix = ItemKey.EncodePartitionPrefix(KeyHash.Compute(pk), pk);
        var end = KeyBytes.PrefixSuccessor(prefix);
        if (plan.SortCondition is not { } sort) return new KeyRange(prefix, true, end, false);
        var value = KeyBytes.Of(sort.Value);
        return sort.Op switch
        {
            SortKeyOp.Eq => new KeyRange(Lowest(prefix, value), true, AboveAll(prefix, value), false),
            SortKeyOp.Lt => new KeyRange(prefix, true, Lowest(prefix, value), false),
            SortKeyOp.Le => new KeyRange(prefix, true, AboveAll(prefix, value), false),
            SortKeyOp.Gt => new KeyRange(AboveAll(prefix, value), true, end, false),
            SortKeyOp.Ge => new KeyRange(Lowest(prefix, value), true, end, false),
            SortKeyOp.Between => new KeyRange(Lowest(prefix, value), true, AboveAll(prefix, KeyBytes.Of(sort.High!)), false),
            _ => BeginsWith(prefix, value, end),
        };
    }

    private static KeyRange BeginsWith(byte[] prefix, byte[] value, byte[]? end)
    {
        byte[] start = [.. prefix, .. IndexKeys.Escaped(value)];
        return new KeyRange(start, true, KeyBytes.PrefixSuccessor(start) ?? end, false);
    }

    /// <summary>The first position of entries whose index sort key is <paramref name="value"/>.</summary>
    private static byte[] Lowest(byte[] prefix, byte[] value) => [.. prefix, .. IndexKeys.Escaped(value), 0, 0];

    /// <summary>Just past every position of entries whose index sort key is <paramref name="value"/>.</summary>
    private static byte[] AboveAll(byte[] prefix, byte[] value) => [.. prefix, .. IndexKeys.Escaped(value), 0, 1];
}
