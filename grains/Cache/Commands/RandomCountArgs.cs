using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>ZRANDMEMBER's and HRANDFIELD's <c>key [count [WITHSCORES | WITHVALUES]]</c>, refused as Redis refuses them.</summary>
public readonly record struct RandomCountArgs(bool HasCount, long Count, bool WithPairs)
{
    /// <summary>
    /// The most members a negative count may repeat. Redis streams such a reply into its output buffer however long it
    /// is; a shard builds its reply whole and ships it between silos, so a count of -2^40 would take the silo's memory.
    /// </summary>
    public const long MaxRepeated = 1 << 24;

    /// <summary>Redis' error for a count of -2^63, which it reads into the range of -(2^63 - 1) to 2^63 - 1.</summary>
    public static readonly CacheReply OutOfLongRange = CacheReply.Error($"ERR value is out of range, value must between {-long.MaxValue} and {long.MaxValue}");

    /// <summary>Redis' range error for a count below <see cref="MaxRepeated"/>'s bound, or null.</summary>
    public static CacheReply? CheckRepeated(long count) =>
        count < -MaxRepeated ? CacheReply.Error($"ERR value is out of range, value must between {-MaxRepeated} and {long.MaxValue}") : null;

    /// <summary>The arguments, or Redis' error; <paramref name="pairsWord"/> is the lower-case option that adds scores or values.</summary>
    public static CacheReply? Parse(byte[][] a, string pairsWord, out RandomCountArgs args)
    {
        args = new RandomCountArgs(false, 1, false);
        var hasCount = a.Length >= 3;
        long count = 1;
        if (hasCount)
        {
            if (!CacheNumbers.TryParseLong(a[2], out count)) return CacheErrors.NotInteger;
            if (count == long.MinValue) return OutOfLongRange;
        }
        if (a.Length > 4 || (a.Length == 4 && !Arg.Is(a[3], pairsWord))) return CacheErrors.Syntax;
        var withPairs = a.Length == 4;
        // Redis doubles a count with pairs into a reply length, so it refuses one that would overflow.
        if (withPairs && (count < -long.MaxValue / 2 || count > long.MaxValue / 2)) return CacheReply.Error("ERR value is out of range");
        args = new RandomCountArgs(hasCount, count, withPairs);
        return null;
    }

    /// <summary>
    /// The arguments and the key's value, or the whole reply when no pick is needed: an error, nil for an absent key
    /// without a count, an empty array for an absent key or a count of 0.
    /// </summary>
    public static CacheReply? Find<T>(CacheKeyspace ks, byte[][] a, string pairsWord, out RandomCountArgs args, out T value) where T : class, new()
    {
        value = null!;
        if (Parse(a, pairsWord, out args) is { } invalid) return invalid;
        var found = TypedLookup<T>.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (found is null) return args.HasCount ? CacheReply.EmptyArray : CacheReply.Nil;
        if (args.HasCount && args.Count == 0) return CacheReply.EmptyArray;
        if (CheckRepeated(args.Count) is { } tooMany) return tooMany;
        value = found;
        return null;
    }
}
