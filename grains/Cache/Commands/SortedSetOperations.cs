using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>ZUNION, ZINTER, ZDIFF, ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE and ZINTERCARD with all their keys on one shard.</summary>
public static class SortedSetOperations
{
    public static CacheReply Run(CacheKeyspace ks, CommandId id, byte[][] a)
    {
        if (SortedSetOperationArgs.ParseKeys(id, a, out var args) is { } invalid) return invalid;
        var values = args.Keys.Select(k => ks.Read(k)?.Value).ToList();
        if ((SortedSetAlgebra.CheckTypes(values) ?? args.ParseOptions(a)) is { } error) return error;
        var result = SortedSetAlgebra.Combine(args, values);
        if (args.Destination is { } destination) Store(ks, destination, result, id switch { CommandId.ZUnionStore => "zunionstore", CommandId.ZInterStore => "zinterstore", _ => "zdiffstore" });
        return Reply(args, result);
    }

    /// <summary>What the command answers for its result (already stored, for a STORE form).</summary>
    public static CacheReply Reply(SortedSetOperationArgs args, List<ScoredMember> result)
    {
        if (args.CardinalityOnly) return CacheReply.Int(args.Limit > 0 ? Math.Min(args.Limit, result.Count) : result.Count);
        if (args.Destination is not null) return CacheReply.Int(result.Count);
        return SortedSetRanges.Reply(result, args.WithScores);
    }

    /// <summary>A STORE form's result: the destination replaced by the sorted set (whatever it held, and without its expiry), or removed when empty.</summary>
    public static void Store(CacheKeyspace ks, byte[] destination, IEnumerable<ScoredMember> members, string @event)
    {
        var set = new SortedSetValue();
        foreach (var m in members) set.Set(m.Member, m.Score);
        ks.StoreResult(destination, set.Count == 0 ? null : set, Notifications.KeyspaceEventTypes.SortedSet, @event);
    }
}
