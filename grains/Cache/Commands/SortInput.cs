using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>
/// What SORT starts from: the source's type, its elements as Redis loads them, and the positions of the result to return
/// (<see cref="End"/> below <see cref="Start"/> for none).
/// </summary>
public sealed record SortInput(string Type, byte[][] Elements, long Start, long End)
{
    /// <summary>
    /// The elements of a list, set or sorted set (null: none), as Redis loads them: a list in order, an intset in numeric
    /// order, a sorted set by score; asked not to sort (BY without <c>*</c>), a list or sorted set only the LIMIT range, from
    /// the end for DESC. Applies <see cref="SortArgs.ForSource"/> first.
    /// </summary>
    public static SortInput Load(SortArgs args, object? value, bool fromScript)
    {
        var type = value switch { ListValue => "list", SetValue => "set", SortedSetValue => "zset", _ => "none" };
        args.ForSource(type, fromScript);
        long length = value switch { ListValue list => list.Count, SetValue set => set.Count, SortedSetValue sorted => sorted.Count, _ => 0 };
        var start = Math.Max(0, args.LimitStart);
        var end = args.LimitCount < 0 ? length - 1 : (start > long.MaxValue - args.LimitCount ? long.MaxValue : start + args.LimitCount - 1);
        if (start >= length) (start, end) = (length - 1, length - 2);
        end = Math.Min(end, length - 1);
        if (args.DontSort && value is ListValue or SortedSetValue)
        {
            var count = (int)Math.Max(0, end - start + 1);
            var ordered = args.Descending ? InOrder(value).Reverse() : InOrder(value);
            return new SortInput(type, ordered.Skip((int)start).Take(count).ToArray(), 0, count - 1);
        }
        return new SortInput(type, InOrder(value).ToArray(), start, end);
    }

    private static IEnumerable<byte[]> InOrder(object? value) => value switch
    {
        ListValue list => list.Items,
        SetValue { IsHashtable: false } set => set.Members.OrderBy(m => CacheNumbers.TryParseLong(m, out var n) ? n : 0),
        SetValue set => set.Members,
        SortedSetValue sorted => sorted.Ordered.Select(m => m.Member),
        _ => [],
    };

    /// <summary>This input as a shard sends it to the session: type, start, end, then the elements.</summary>
    public CacheReply ToReply() => CacheReply.Array([CacheReply.Bulk(Type), CacheReply.Int(Start), CacheReply.Int(End), .. Elements.Select(CacheReply.Bulk)]);

    public static SortInput FromReply(CacheReply reply)
    {
        var items = reply.Items!;
        return new SortInput(items[0].ToString(), items[3..].Select(i => i.Bytes!).ToArray(), items[1].Integer, items[2].Integer);
    }
}
