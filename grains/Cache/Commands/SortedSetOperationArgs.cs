namespace DataTier.Cache.Commands;

/// <summary>
/// ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD: <c>[destination] numkeys key [key ...]</c>, then WEIGHTS,
/// AGGREGATE, WITHSCORES or LIMIT as the command allows them. The keys are parsed first, and the options only after the
/// keys' types are checked, since Redis answers WRONGTYPE before a syntax error in the options.
/// </summary>
public sealed class SortedSetOperationArgs
{
    public required SetOperation Operation { get; init; }

    public byte[]? Destination { get; init; }

    public bool CardinalityOnly { get; init; }

    public required byte[][] Keys { get; init; }

    /// <summary>Where the options start.</summary>
    public int OptionsAt { get; init; }

    public double[] Weights { get; private set; } = [];

    public ScoreAggregate Aggregate { get; private set; }

    public bool WithScores { get; private set; }

    public long Limit { get; private set; }

    public static CacheReply? ParseKeys(CommandId id, byte[][] a, out SortedSetOperationArgs args)
    {
        args = null!;
        var store = id is CommandId.ZUnionStore or CommandId.ZInterStore or CommandId.ZDiffStore;
        var numKeysAt = store ? 2 : 1;
        if (!CacheNumbers.TryParseLong(a[numKeysAt], out var numKeys)) return CacheErrors.NotInteger;
        if (numKeys < 1) return CacheReply.Error($"ERR at least 1 input key is needed for '{Arg.Text(a[0]).ToLowerInvariant()}' command");
        if (numKeys > a.Length - numKeysAt - 1) return CacheErrors.Syntax;
        var first = numKeysAt + 1;
        args = new SortedSetOperationArgs
        {
            Operation = id switch
            {
                CommandId.ZUnion or CommandId.ZUnionStore => SetOperation.Union,
                CommandId.ZDiff or CommandId.ZDiffStore => SetOperation.Diff,
                _ => SetOperation.Inter,
            },
            Destination = store ? a[1] : null,
            CardinalityOnly = id == CommandId.ZInterCard,
            Keys = a[first..(first + (int)numKeys)],
            OptionsAt = first + (int)numKeys,
        };
        return null;
    }

    /// <summary>The options after the keys, as Redis 7.0 reads them.</summary>
    public CacheReply? ParseOptions(byte[][] a)
    {
        Weights = Enumerable.Repeat(1.0, Keys.Length).ToArray();
        var weighted = Operation != SetOperation.Diff && !CardinalityOnly;
        for (var j = OptionsAt; j < a.Length; j++)
        {
            var remaining = a.Length - j;
            if (weighted && remaining >= Keys.Length + 1 && Arg.Is(a[j], "weights"))
            {
                for (var i = 0; i < Keys.Length; i++)
                    if (!CacheNumbers.TryParseDouble(a[++j], out Weights[i])) return CacheReply.Error("ERR weight value is not a float");
            }
            else if (weighted && remaining >= 2 && Arg.Is(a[j], "aggregate"))
            {
                j++;
                if (Arg.Is(a[j], "sum")) Aggregate = ScoreAggregate.Sum;
                else if (Arg.Is(a[j], "min")) Aggregate = ScoreAggregate.Min;
                else if (Arg.Is(a[j], "max")) Aggregate = ScoreAggregate.Max;
                else return CacheErrors.Syntax;
            }
            else if (Destination is null && !CardinalityOnly && Arg.Is(a[j], "withscores"))
            {
                WithScores = true;
            }
            else if (CardinalityOnly && remaining >= 2 && Arg.Is(a[j], "limit"))
            {
                if (!CacheNumbers.TryParseLong(a[++j], out var limit) || limit < 0) return CacheReply.Error("ERR LIMIT can't be negative");
                Limit = limit;
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        return null;
    }
}
